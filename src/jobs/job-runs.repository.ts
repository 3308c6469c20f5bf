import type Database from 'better-sqlite3';
import type { JobCounts, JobTrigger } from './job.types.ts';

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'partial', 'failed', 'skipped', 'abandoned'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export interface JobRun {
  id: number;
  job: string;
  trigger: string;
  status: JobRunStatus;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  counts: JobCounts | null;
  error: string | null;
}

type JobRunRow = Omit<JobRun, 'counts'> & { counts: string | null };

type BeginResult = { kind: 'started'; id: number } | { kind: 'busy'; runningId: number; skippedId: number };

const COLUMNS = `id, job, trigger, status, started_at AS startedAt, heartbeat_at AS heartbeatAt, finished_at AS finishedAt,
  counts, error`;

/**
 * job_runs, and the lease that keeps two runs of a job from overlapping — across processes too
 * (the server's scheduler and `certref jobs run` share the database): a job is busy while a row of
 * it is `running` with a fresh heartbeat.
 */
export class JobRunsRepository {
  private readonly runningOf: Database.Statement<[string, string], { id: number }>;
  private readonly abandonStale: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly beat: Database.Statement;
  private readonly finishStatement: Database.Statement;
  private readonly lastWith: Database.Statement<[string, string, string, string], JobRunRow>;
  private readonly recent: Database.Statement<[string, number], JobRunRow>;
  private readonly byId: Database.Statement<[number], JobRunRow>;
  private readonly beginTransaction: (job: string, trigger: JobTrigger, now: string, staleBefore: string) => BeginResult;

  constructor(sqlite: Database.Database) {
    this.runningOf = sqlite.prepare(
      "SELECT id FROM job_runs WHERE job = ? AND status = 'running' AND heartbeat_at >= ? ORDER BY id LIMIT 1",
    );
    this.abandonStale = sqlite.prepare(`
      UPDATE job_runs SET status = 'abandoned', finished_at = @now,
        error = 'the process running it stopped (no heartbeat since ' || heartbeat_at || ')'
      WHERE job = @job AND status = 'running' AND heartbeat_at < @staleBefore`);
    this.insert = sqlite.prepare(`
      INSERT INTO job_runs (job, trigger, status, started_at, heartbeat_at, finished_at, error)
      VALUES (@job, @trigger, @status, @now, @now, @finishedAt, @error)`);
    this.beat = sqlite.prepare("UPDATE job_runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'");
    this.finishStatement = sqlite.prepare(`
      UPDATE job_runs SET status = @status, finished_at = @finishedAt, heartbeat_at = @finishedAt, counts = @counts,
        error = @error WHERE id = @id`);
    this.lastWith = sqlite.prepare(`
      SELECT ${COLUMNS} FROM job_runs WHERE job = ? AND status IN (?, ?, ?) ORDER BY id DESC LIMIT 1`);
    this.recent = sqlite.prepare(`SELECT ${COLUMNS} FROM job_runs WHERE job = ? ORDER BY id DESC LIMIT ?`);
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM job_runs WHERE id = ?`);
    // IMMEDIATE: the check and the insert happen under the write lock, so two processes cannot both start.
    const begin = sqlite.transaction((job: string, trigger: JobTrigger, now: string, staleBefore: string): BeginResult => {
      this.abandonStale.run({ job, now, staleBefore });
      const running = this.runningOf.get(job, staleBefore);
      if (running) {
        const skipped = this.insert.run({
          job,
          trigger,
          status: 'skipped',
          now,
          finishedAt: now,
          error: `run #${running.id} is still running`,
        });
        return { kind: 'busy', runningId: running.id, skippedId: Number(skipped.lastInsertRowid) };
      }
      const started = this.insert.run({ job, trigger, status: 'running', now, finishedAt: null, error: null });
      return { kind: 'started', id: Number(started.lastInsertRowid) };
    });
    this.beginTransaction = (job, trigger, now, staleBefore) => begin.immediate(job, trigger, now, staleBefore);
  }

  /** Starts a run unless one is already running (then the attempt is recorded as skipped). */
  begin(job: string, trigger: JobTrigger, now: string, staleBefore: string): BeginResult {
    return this.beginTransaction(job, trigger, now, staleBefore);
  }

  heartbeat(id: number, now: string): void {
    this.beat.run(now, id);
  }

  finish(
    id: number,
    outcome: { status: Exclude<JobRunStatus, 'running'>; finishedAt: string; counts: JobCounts; error: string | null },
  ): void {
    this.finishStatement.run({ id, ...outcome, counts: JSON.stringify(outcome.counts) });
  }

  lastSuccess(job: string): JobRun | null {
    return this.last(job, ['succeeded', 'partial']);
  }

  lastFailure(job: string): JobRun | null {
    return this.last(job, ['failed', 'abandoned']);
  }

  get(id: number): JobRun | null {
    const row = this.byId.get(id);
    return row ? toRun(row) : null;
  }

  latest(job: string, limit = 1): JobRun[] {
    return this.recent.all(job, limit).map(toRun);
  }

  private last(job: string, statuses: JobRunStatus[]): JobRun | null {
    const [a, b = a, c = a] = statuses as [JobRunStatus, JobRunStatus?, JobRunStatus?];
    const row = this.lastWith.get(job, a, b, c);
    return row ? toRun(row) : null;
  }
}

function toRun(row: JobRunRow): JobRun {
  return { ...row, counts: row.counts === null ? null : (JSON.parse(row.counts) as JobCounts) };
}
