import type { JobCounts, JobDefinition, JobResult } from './job.types.ts';
import { switchedOffReason } from './job-switch.ts';

/** The correction queue's periodic housekeeping; returns what it did (claims released …). */
export type CorrectionsSweep = () => JobCounts | Promise<JobCounts>;

const CORRECTIONS_SWEEP_JOB = 'corrections-sweep';

/**
 * Runs the correction queue's sweep. Tickets resolve themselves in the write that brings their
 * certificate (a writer hook), so what is left to sweep is claims whose technician timed out.
 * The queue (src/corrections) provides the function; without one the job is listed but disabled.
 */
export function correctionsSweepJob(sweep: CorrectionsSweep | null, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return {
    name: CORRECTIONS_SWEEP_JOB,
    description: 'Returns timed-out ticket claims to the queue (tickets resolve at once when their data arrives)',
    kind: 'housekeeping',
    schedule,
    enabled: housekeepingEnabled && sweep !== null,
    disabledReason:
      sweep === null ? 'the correction queue provides no sweep function yet' : switchedOffReason('housekeeping', housekeepingEnabled),
    source: null,
    async run(): Promise<JobResult> {
      if (!sweep) return { outcome: 'failed', counts: {}, error: 'the correction queue provides no sweep function yet' };
      return { outcome: 'succeeded', counts: await sweep() };
    },
  };
}
