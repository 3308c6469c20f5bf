import { isDatabaseBusy, type WriteLock } from '../db/write-lock.ts';
import type { RunLog } from '../sources/source-run.ts';
import type { JobDefinition, JobTrigger } from './job.types.ts';
import type { JobRun, JobRunsRepository } from './job-runs.repository.ts';

interface JobRunnerOptions {
  now: () => Date;
  log: RunLog;
  /** How often a running job says it is alive. */
  heartbeatMs?: number;
  /** A running row whose heartbeat is older than this belongs to a dead process. */
  staleAfterMs?: number;
  /** The server's: the run's own records wait for another process's lock on timers. The CLI waits in SQLite. */
  writes?: WriteLock;
}

const HEARTBEAT_MS = 30_000;
const STALE_AFTER_MS = 3 * 60_000;

/**
 * Runs jobs: refuses to start one that is already running (here or in another process), records
 * every run with its start, end, outcome, counts and error, and never lets a job's exception
 * escape (the scheduler would otherwise stop on it).
 */
export class JobRunner {
  constructor(
    private readonly runs: JobRunsRepository,
    private readonly options: JobRunnerOptions,
  ) {}

  async run(job: JobDefinition, trigger: JobTrigger): Promise<JobRun> {
    const now = this.options.now;
    const staleBefore = new Date(now().getTime() - (this.options.staleAfterMs ?? STALE_AFTER_MS)).toISOString();
    const begun = await this.write(() => this.runs.begin(job.name, trigger, now().toISOString(), staleBefore));
    if (begun.kind === 'busy') {
      this.options.log.warn({ job: job.name, running: begun.runningId }, 'job already running; this run is skipped');
      return this.runs.get(begun.skippedId)!;
    }
    const id = begun.id;
    const heartbeat = setInterval(() => this.beat(id), this.options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    const log = this.options.log;
    log.info({ job: job.name, run: id, trigger }, 'job started');
    try {
      const result = await job.run({ trigger, log });
      await this.write(() =>
        this.runs.finish(id, {
          status: result.outcome,
          finishedAt: now().toISOString(),
          counts: result.counts,
          error: result.error ?? null,
        }),
      );
      log.info({ job: job.name, run: id, outcome: result.outcome, counts: result.counts }, 'job finished');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error({ job: job.name, run: id, err: error }, 'job failed');
      try {
        await this.write(() => this.runs.finish(id, { status: 'failed', finishedAt: now().toISOString(), counts: {}, error: message }));
      } catch (unrecorded) {
        // The database stayed busy past the wait: the run is left running and is taken for dead
        // once its heartbeat is stale, rather than the error escaping into the scheduler.
        log.error({ job: job.name, run: id, err: unrecorded }, 'job failure could not be recorded');
      }
    } finally {
      clearInterval(heartbeat);
    }
    return this.runs.get(id)!;
  }

  private write<T>(attempt: () => T): T | Promise<T> {
    return this.options.writes ? this.options.writes.run(attempt) : attempt();
  }

  /** A beat that finds the lock taken is skipped: the next one comes long before the run looks stale. */
  private beat(id: number): void {
    try {
      this.runs.heartbeat(id, this.options.now().toISOString());
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
  }
}
