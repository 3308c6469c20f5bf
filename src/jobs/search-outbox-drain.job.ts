import type { JobCounts, JobDefinition, JobResult } from './job.types.ts';
import { switchedOffReason } from './job-switch.ts';

/** Sends pending search-index updates (src/search's outbox) to the search engine. */
export type SearchOutboxDrain = () => JobCounts | Promise<JobCounts>;

const SEARCH_OUTBOX_DRAIN_JOB = 'search-outbox-drain';

/**
 * Drains the search outbox. The search feature (src/search, `drainSearchOutbox()`) provides the
 * function when its engine has an outbox (Meilisearch); the embedded index follows each write in
 * its transaction, so without one the job is listed but disabled, and says why. Housekeeping, not
 * fetch: configuring Meilisearch is the operator's opt-in, and without the drain it never updates.
 */
export function searchOutboxDrainJob(drain: SearchOutboxDrain | null, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return {
    name: SEARCH_OUTBOX_DRAIN_JOB,
    description: 'Sends pending certificate changes to the search index',
    kind: 'housekeeping',
    schedule,
    enabled: housekeepingEnabled && drain !== null,
    disabledReason:
      drain === null
        ? 'no search outbox in this configuration (the embedded index is updated in each write)'
        : switchedOffReason('housekeeping', housekeepingEnabled),
    source: null,
    async run(): Promise<JobResult> {
      // Nothing to drain: the embedded index needs no outbox.
      if (!drain) return { outcome: 'succeeded', counts: {}, error: null };
      return { outcome: 'succeeded', counts: await drain() };
    },
  };
}
