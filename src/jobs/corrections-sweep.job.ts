import { type HousekeepingWork, housekeepingJob } from './housekeeping-job.ts';
import type { JobDefinition } from './job.types.ts';

/** The correction queue's periodic housekeeping; returns what it did (claims released …). */
export type CorrectionsSweep = HousekeepingWork;

const NO_SWEEP = 'the correction queue provides no sweep function yet';

/**
 * Runs the correction queue's sweep. Tickets resolve themselves in the write that brings their
 * certificate (a writer hook), so what is left to sweep is claims whose technician timed out.
 * The queue (src/corrections) provides the function; without one the job is listed but disabled.
 */
export function correctionsSweepJob(sweep: CorrectionsSweep | null, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return housekeepingJob({
    name: 'corrections-sweep',
    description: 'Returns timed-out ticket claims to the queue (tickets resolve at once when their data arrives)',
    schedule,
    housekeepingEnabled,
    work: sweep,
    withoutWork: { reason: NO_SWEEP, result: { outcome: 'failed', counts: {}, error: NO_SWEEP } },
  });
}
