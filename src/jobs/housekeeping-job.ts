import type { JobCounts, JobDefinition, JobResult } from './job.types.ts';
import { switchedOffReason } from './job-switch.ts';

/** What a housekeeping job does, provided by the feature it keeps; returns what it did. */
export type HousekeepingWork = () => JobCounts | Promise<JobCounts>;

interface HousekeepingJob {
  name: string;
  description: string;
  schedule: string;
  /** HOUSEKEEPING_JOBS_ENABLED. */
  housekeepingEnabled: boolean;
  work: HousekeepingWork | null;
  /** Without work the job is still listed, disabled, saying why; and what a run by hand answers then. */
  withoutWork?: { reason: string; result: JobResult };
  /** Also once at start-up, for what fell due while the service was down. */
  runAtStart?: boolean;
}

const NO_WORK = { reason: '', result: { outcome: 'failed', counts: {} } } as const satisfies HousekeepingJob['withoutWork'];

/** A housekeeping job: runs a feature's work on a schedule, and is listed even where there is none. */
export function housekeepingJob({
  name,
  description,
  schedule,
  housekeepingEnabled,
  work,
  withoutWork = NO_WORK,
  runAtStart,
}: HousekeepingJob): JobDefinition {
  return {
    name,
    description,
    kind: 'housekeeping',
    schedule,
    enabled: housekeepingEnabled && work !== null,
    disabledReason: work === null ? withoutWork.reason : switchedOffReason('housekeeping', housekeepingEnabled),
    source: null,
    ...(runAtStart ? { runAtStart } : {}),
    async run(): Promise<JobResult> {
      if (!work) return withoutWork.result;
      return { outcome: 'succeeded', counts: await work() };
    },
  };
}
