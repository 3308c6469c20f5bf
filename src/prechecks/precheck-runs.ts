import type Database from 'better-sqlite3';
import type { PrecheckCounts } from './prechecks.schemas.ts';

interface StartedRun {
  ref: string;
  fileName: string;
  sha256: string;
  format: string;
  actor: string;
  startedAt: string;
}

/** The prechecks table: one row per pre-check, so the tickets it opened have something to belong to. */
export class PrecheckRuns {
  private readonly insert: Database.Statement<[StartedRun], never>;
  private readonly complete: Database.Statement<[PrecheckCounts & { id: number; finishedAt: string }], never>;
  private readonly failed: Database.Statement<[{ id: number; finishedAt: string; error: string }], never>;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO prechecks (ref, file_name, sha256, format, actor, status, started_at)
       VALUES (@ref, @fileName, @sha256, @format, @actor, 'running', @startedAt)`,
    );
    this.complete = sqlite.prepare(
      `UPDATE prechecks SET status = 'succeeded', finished_at = @finishedAt, total_rows = @total, passed_rows = @passed,
         corrected_rows = @corrected, not_reportable_rows = @notReportable, not_listed_rows = @notListed
       WHERE id = @id`,
    );
    this.failed = sqlite.prepare(`UPDATE prechecks SET status = 'failed', finished_at = @finishedAt, error = @error WHERE id = @id`);
  }

  start(run: StartedRun): number {
    return Number(this.insert.run(run).lastInsertRowid);
  }

  finish(id: number, counts: PrecheckCounts, finishedAt: string): void {
    this.complete.run({ ...counts, id, finishedAt });
  }

  fail(id: number, error: string, finishedAt: string): void {
    this.failed.run({ id, finishedAt, error });
  }
}
