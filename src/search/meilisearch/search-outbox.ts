import type Database from 'better-sqlite3';
import type { AfterWriteHook } from '../../certificates/certificate-writer.ts';
import type { MeiliSearchIndex } from './meilisearch-index.ts';

/**
 * Changes on their way to Meilisearch. The writer hook appends a row per touched certificate in
 * the writing transaction, so no committed change can be missed; a job drains the table, and only
 * rows whose documents Meilisearch has accepted are deleted, so an outage just leaves them queued.
 */
export class SearchOutbox {
  private readonly append: Database.Statement<[number]>;
  private readonly oldest: Database.Statement<[number], { id: number; certificateId: number }>;
  private readonly acknowledgeUpTo: Database.Statement<[number]>;
  private readonly pending: Database.Statement<[], { n: number }>;

  constructor(sqlite: Database.Database) {
    this.append = sqlite.prepare('INSERT INTO search_outbox (certificate_id) VALUES (?)');
    this.oldest = sqlite.prepare('SELECT id, certificate_id AS certificateId FROM search_outbox ORDER BY id LIMIT ?');
    this.acknowledgeUpTo = sqlite.prepare('DELETE FROM search_outbox WHERE id <= ?');
    this.pending = sqlite.prepare('SELECT count(*) AS n FROM search_outbox');
  }

  writeHook(): AfterWriteHook {
    return (touched) => {
      for (const certificate of touched) this.append.run(certificate.id);
    };
  }

  /** The oldest rows, at most `limit`. */
  next(limit: number): { id: number; certificateId: number }[] {
    return this.oldest.all(limit);
  }

  acknowledge(upToId: number): void {
    this.acknowledgeUpTo.run(upToId);
  }

  size(): number {
    return this.pending.get()!.n;
  }
}

/** A type, not an interface, so it is the job runner's `JobCounts` as it is. */
export type DrainReport = {
  /** Outbox rows taken off the queue. */
  drained: number;
  /** Documents sent (a certificate touched twice is sent once). */
  upserted: number;
  deleted: number;
  remaining: number;
};

export interface DrainOptions {
  batchSize?: number;
  /** Stop after this many batches, so one run stays short; the next run continues. */
  maxBatches?: number;
}

/**
 * The outbox job: sends queued changes to Meilisearch in batches, acknowledging each batch only
 * after Meilisearch has applied it. When Meilisearch is unreachable the call rejects with
 * `SearchEngineUnavailable` and every row stays queued for the next run.
 */
export async function drainSearchOutbox(
  outbox: SearchOutbox,
  index: MeiliSearchIndex,
  { batchSize = 1_000, maxBatches = 100 }: DrainOptions = {},
): Promise<DrainReport> {
  const report: DrainReport = { drained: 0, upserted: 0, deleted: 0, remaining: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = outbox.next(batchSize);
    if (rows.length === 0) break;
    const result = await index.sync([...new Set(rows.map((row) => row.certificateId))]);
    outbox.acknowledge(rows[rows.length - 1]!.id);
    report.drained += rows.length;
    report.upserted += result.upserted;
    report.deleted += result.deleted;
  }
  report.remaining = outbox.size();
  return report;
}
