import type Database from 'better-sqlite3';
import type { CertificateWriter, WriteContext } from '../../certificates/certificate-writer.ts';
import type { WriteLock } from '../../db/write-lock.ts';
import { EMPTY_COUNTS, type ImportRunsRepository, type RunCounts } from '../import-runs.repository.ts';
import type { ReadBatch } from './read-batch.ts';

/**
 * Stores batches of one run. A commit is one transaction: the versions (the writer's own
 * transaction nests as a savepoint), the batch's rejections and the run's counts. A crash leaves
 * either all of it or none of it. IMMEDIATE, like every write transaction: the lock is taken (or
 * waited for) before the first read, never upgraded halfway.
 */
export class BatchCommit {
  readonly committed: RunCounts = { ...EMPTY_COUNTS };
  private readonly commitTransaction: (batch: ReadBatch) => RunCounts;

  constructor(
    sqlite: Database.Database,
    writer: CertificateWriter,
    runs: ImportRunsRepository,
    runId: number,
    today: string,
    context: WriteContext,
    private readonly writes: WriteLock,
  ) {
    this.commitTransaction = sqlite.transaction((batch: ReadBatch) => {
      const summary = writer.write(batch.inputs, today, context);
      const counts: RunCounts = {
        ...batch.counts,
        versionsAdded: summary.versionsAdded,
        unchanged: summary.unchanged,
        certificatesCreated: summary.certificatesCreated,
      };
      runs.addBatch(runId, counts, batch.issues);
      return counts;
    }).immediate;
  }

  /**
   * Stores the batch, then lets go of its rows: the loop that took the batch from its generator
   * keeps it referenced until the next one is cut, which would hold two batches of rows at a time
   * (about 100 MB more at the peak of a 200,000-row import).
   */
  async commit(batch: ReadBatch): Promise<void> {
    const counts = await this.writes.run(() => this.commitTransaction(batch));
    for (const key of Object.keys(this.committed) as (keyof RunCounts)[]) this.committed[key] += counts[key];
    batch.inputs = [];
  }
}
