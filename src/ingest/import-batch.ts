import type Database from 'better-sqlite3';
import type { CertificateWriter, WriteContext } from '../certificates/certificate-writer.ts';
import type { VersionInput } from '../certificates/version-input.ts';
import { EMPTY_COUNTS, type ImportRunsRepository, type RunCounts } from './import-runs.repository.ts';
import type { RowIssue } from './row-issues.ts';

/**
 * Rows waiting to be stored. A commit is one transaction: the versions (the writer's own
 * transaction nests as a savepoint), the batch's rejections and the run's counts. A crash leaves
 * either all of it or none of it.
 */
export class ImportBatch {
  private inputs: VersionInput[] = [];
  private issues: RowIssue[] = [];
  private pending: RunCounts = { ...EMPTY_COUNTS };
  private rows = 0;
  readonly committed: RunCounts = { ...EMPTY_COUNTS };
  private readonly commitTransaction: () => void;

  constructor(
    sqlite: Database.Database,
    private readonly writer: CertificateWriter,
    private readonly runs: ImportRunsRepository,
    private readonly runId: number,
    private readonly today: string,
    private readonly context: WriteContext,
  ) {
    this.commitTransaction = sqlite.transaction(() => {
      const summary = this.writer.write(this.inputs, this.today, this.context);
      this.pending.versionsAdded = summary.versionsAdded;
      this.pending.unchanged = summary.unchanged;
      this.pending.certificatesCreated = summary.certificatesCreated;
      this.runs.addBatch(this.runId, this.pending, this.issues);
    });
  }

  get size(): number {
    return this.rows;
  }

  accept(input: VersionInput, warnings: readonly RowIssue[]): void {
    this.inputs.push(input);
    this.rows++;
    this.pending.total++;
    if (warnings.length > 0) {
      this.pending.warnings++;
      this.issues.push(...warnings);
    }
  }

  reject(issues: readonly RowIssue[]): void {
    this.rows++;
    this.pending.total++;
    this.pending.rejected++;
    this.issues.push(...issues);
  }

  skipHint(): void {
    this.pending.hintRowsSkipped++;
  }

  commit(): void {
    this.commitTransaction();
    for (const key of Object.keys(this.committed) as (keyof RunCounts)[]) this.committed[key] += this.pending[key];
    this.inputs = [];
    this.issues = [];
    this.pending = { ...EMPTY_COUNTS };
    this.rows = 0;
  }
}
