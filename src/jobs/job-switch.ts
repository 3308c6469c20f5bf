import type { JobKind } from './job.types.ts';

/** The setting that turns each kind of job on in the server, as operators write it. */
const JOB_SWITCH: Record<JobKind, string> = {
  fetch: 'JOBS_ENABLED',
  housekeeping: 'HOUSEKEEPING_JOBS_ENABLED',
};

/** Why a job of this kind is not scheduled when its switch is off; null when it is on. */
export function switchedOffReason(kind: JobKind, on: boolean): string | null {
  return on ? null : `${JOB_SWITCH[kind]} is false`;
}
