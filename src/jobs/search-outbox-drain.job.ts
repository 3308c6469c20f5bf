import type { JobCounts, JobDefinition, JobResult } from './job.types.ts';

/** Sends pending search-index updates (src/search's outbox) to the search engine. */
export type SearchOutboxDrain = () => JobCounts | Promise<JobCounts>;

export const SEARCH_OUTBOX_DRAIN_JOB = 'search-outbox-drain';

/**
 * Drains the search outbox. The search feature (src/search, `drainSearchOutbox()`) provides the
 * function; until the composition root passes one, the job is listed but disabled, and says so.
 */
export function searchOutboxDrainJob(drain: SearchOutboxDrain | null, schedule: string, jobsEnabled: boolean): JobDefinition {
  return {
    name: SEARCH_OUTBOX_DRAIN_JOB,
    description: 'Sends pending certificate changes to the search index',
    schedule,
    enabled: jobsEnabled && drain !== null,
    disabledReason: drain === null ? 'the search feature provides no drain function yet' : jobsEnabled ? null : 'JOBS_ENABLED is false',
    source: null,
    async run(): Promise<JobResult> {
      if (!drain) return { outcome: 'failed', counts: {}, error: 'the search feature provides no drain function yet' };
      return { outcome: 'succeeded', counts: await drain() };
    },
  };
}
