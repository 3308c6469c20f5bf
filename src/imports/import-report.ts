import type { ImportFormat, TextEncoding } from './file-format.ts';
import type { RunCounts } from './import-runs.repository.ts';
import type { RowIssue } from './rows/row-issues.ts';

/** What an import did, as the CLI prints it and the HTTP route returns it. */
export interface ImportReport {
  importRunId: number;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  encoding: TextEncoding | null;
  source: string;
  status: 'completed';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** The row the header was found on (null for JSON Lines, whose keys are the header). */
  headerRow: number | null;
  /** Header texts that name no known field; their cells were not imported. */
  ignoredColumns: string[];
  counts: RunCounts;
  /** One entry per problem (a rejected row may have several), in row order. */
  rejections: RowIssue[];
  warnings: RowIssue[];
  /** True when more issues exist than the report lists; all of them are stored with the run. */
  issuesTruncated: boolean;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  counts: RunCounts;
}
