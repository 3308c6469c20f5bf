import type { DetectedFormat } from '../file-format.ts';
import type { RowIssue } from '../rows/row-issues.ts';
import type { RowContext } from '../rows/row-validator.ts';
import type { PackedVersions } from '../version-packing.ts';
import type { ReadCounts } from './read-batch.ts';

/**
 * What the importing thread and its reader worker say to each other, over the shared worker
 * protocol (src/shared/worker). The worker opens the file and answers `opened` (or fails: the file
 * is refused before a run exists); the importer creates the run and sends `start`; the worker
 * sends batches as the importer's credits allow, then ends (or says where it `stopped`, then fails).
 */
export interface ReaderWorkerData {
  path: string;
  /** The file's first bytes, for the CSV delimiter. */
  head: Uint8Array;
  detected: DetectedFormat;
  batchSize: number;
  /** What an XLSX's parts may inflate to (the importer's limit). */
  maxDecompressedBytes: number;
}

export type ToReader = { type: 'start'; context: RowContext };

export interface PackedBatch {
  versions: PackedVersions;
  issues: RowIssue[];
  counts: ReadCounts;
  rowsRead: number;
  bytesRead: number;
  lastRow: number | null;
}

export type FromReader =
  | { type: 'opened'; headerRow: number | null; ignoredColumns: readonly string[] }
  | { type: 'batch'; batch: PackedBatch }
  | { type: 'stopped'; lastRow: number | null };
