import type { VersionInput } from '../../certificates/version-input.ts';
import type { RunCounts } from '../import-runs.repository.ts';
import type { RowIssue } from '../rows/row-issues.ts';

/** The counts reading knows; the writer's own (versions added, unchanged, certificates created) come at commit. */
export type ReadCounts = Pick<RunCounts, 'total' | 'rejected' | 'hintRowsSkipped' | 'warnings'>;

/** Rows read and validated, to be stored in one transaction. */
export interface ReadBatch {
  inputs: VersionInput[];
  /** Rejections and warnings, in row order. */
  issues: RowIssue[];
  counts: ReadCounts;
  /** Where reading stood when the batch was cut: rows seen (blank and hint rows too), bytes read. */
  rowsRead: number;
  bytesRead: number;
}

/** Rows waiting to become the next batch. */
export class BatchBuilder {
  private inputs: VersionInput[] = [];
  private issues: RowIssue[] = [];
  private counts: ReadCounts = emptyReadCounts();
  private rows = 0;

  /** Accepted and rejected rows: what fills a batch (hint and blank rows do not). */
  get size(): number {
    return this.rows;
  }

  accept(input: VersionInput, warnings: readonly RowIssue[]): void {
    this.inputs.push(input);
    this.rows++;
    this.counts.total++;
    if (warnings.length > 0) {
      this.counts.warnings++;
      this.issues.push(...warnings);
    }
  }

  reject(issues: readonly RowIssue[]): void {
    this.rows++;
    this.counts.total++;
    this.counts.rejected++;
    this.issues.push(...issues);
  }

  skipHint(): void {
    this.counts.hintRowsSkipped++;
  }

  take(rowsRead: number, bytesRead: number): ReadBatch {
    const batch: ReadBatch = { inputs: this.inputs, issues: this.issues, counts: this.counts, rowsRead, bytesRead };
    this.inputs = [];
    this.issues = [];
    this.counts = emptyReadCounts();
    this.rows = 0;
    return batch;
  }
}

function emptyReadCounts(): ReadCounts {
  return { total: 0, rejected: 0, hintRowsSkipped: 0, warnings: 0 };
}
