import type { DetectedFormat } from '../file-format.ts';
import type { RowIssue } from '../rows/row-issues.ts';
import type { RowContext } from '../rows/row-validator.ts';
import type { PackedVersions } from '../version-packing.ts';
import type { ReadCounts } from './read-batch.ts';
import type { ThreadError } from './thread-errors.ts';

/**
 * What the importing thread and its reader worker say to each other. The worker opens the file and
 * answers `opened` (or `failed`: the file is refused before a run exists); the importer creates
 * the run and sends `start`; the worker sends batches, at most `maxInFlight` ahead of the
 * `credit`s the importer returns as it commits them, then `done` (or `failed` midway).
 */
export interface ReaderWorkerData {
  path: string;
  /** The file's first bytes, for the CSV delimiter. */
  head: Uint8Array;
  detected: DetectedFormat;
  batchSize: number;
  maxInFlight: number;
  /** What an XLSX's parts may inflate to (the importer's limit). */
  maxDecompressedBytes: number;
}

export type ToReader = { type: 'start'; context: RowContext } | { type: 'credit' };

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
  | { type: 'done' }
  | { type: 'failed'; error: ThreadError; lastRow: number | null };
