import type { JobCounts, JobDefinition, JobResult } from './job.types.ts';

/** The correction queue's housekeeping: tickets whose number arrived by another route, expired claims. */
export type CorrectionsSweep = () => JobCounts | Promise<JobCounts>;

export const CORRECTIONS_SWEEP_JOB = 'corrections-sweep';

/**
 * Runs the queue's auto-resolve sweep. The queue (src/corrections) provides the function; until
 * the composition root passes one, the job is listed but disabled, and says so.
 */
export function correctionsSweepJob(sweep: CorrectionsSweep | null, schedule: string, jobsEnabled: boolean): JobDefinition {
  return {
    name: CORRECTIONS_SWEEP_JOB,
    description: "Resolves open tickets whose certificate has arrived by another route; releases expired claims",
    schedule,
    enabled: jobsEnabled && sweep !== null,
    disabledReason: sweep === null ? 'the correction queue provides no sweep function yet' : jobsEnabled ? null : 'JOBS_ENABLED is false',
    source: null,
    async run(): Promise<JobResult> {
      if (!sweep) return { outcome: 'failed', counts: {}, error: 'the correction queue provides no sweep function yet' };
      return { outcome: 'succeeded', counts: await sweep() };
    },
  };
}
