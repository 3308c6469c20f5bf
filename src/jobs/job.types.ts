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

/**
 * Which switch governs a job in the server. `fetch` jobs reach outside (NMPA downloads, scraped
 * pages), so an operator opts in with JOBS_ENABLED; `housekeeping` jobs only keep certref's own data
 * right (summaries, claims, the search outbox), so they run unless HOUSEKEEPING_JOBS_ENABLED=false.
 */
export const JOB_KINDS = ['fetch', 'housekeeping'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobDefinition {
  /** `source:<name>`, `udi-incremental`, `corrections-sweep`, `search-outbox-drain`, `summary-refresh`. */
  name: string;
  description: string;
  kind: JobKind;
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
