import type { RunLog } from '../sources/source-run.ts';

/** `start`: once when the scheduler starts, for a job that catches up on the days the service was down. */
export type JobTrigger = 'schedule' | 'manual' | 'start';

/** `partial`: the run did its work but some of it failed (a page, a file). */
export type JobOutcome = 'succeeded' | 'partial' | 'failed';

/** What a run counted: pages, files, devices, versions added … */
export type JobCounts = Record<string, number>;

export interface JobResult {
  outcome: JobOutcome;
  counts: JobCounts;
  /** Why it failed, or what failed in a partial run (first failures, one per line). */
  error?: string | null;
}

export interface JobContext {
  trigger: JobTrigger;
  log: RunLog;
}

export interface JobDefinition {
  /** `source:<name>`, `udi-incremental`, `corrections-sweep`, `search-outbox-drain`, `summary-refresh`. */
  name: string;
  description: string;
  /** Cron expression from config. */
  schedule: string;
  /** A disabled job is listed and can be run by hand, but the scheduler leaves it alone. */
  enabled: boolean;
  /** Why it is disabled, for `jobs list` and /v1/status. */
  disabledReason: string | null;
  /** The provenance source the job feeds (`udi`, `html:<name>`), or null for housekeeping. */
  source: string | null;
  /** Also run once when the scheduler starts: the job catches up on whatever fell due while the service was down. */
  runAtStart?: boolean;
  run(context: JobContext): Promise<JobResult>;
}
