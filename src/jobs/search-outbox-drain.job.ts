import { type HousekeepingWork, housekeepingJob } from './housekeeping-job.ts';
import type { JobDefinition } from './job.types.ts';

/** Sends pending search-index updates (src/search's outbox) to the search engine. */
export type SearchOutboxDrain = HousekeepingWork;

/**
 * Drains the search outbox. The search feature (src/search, `drainSearchOutbox()`) provides the
 * function when its engine has an outbox (Meilisearch); the embedded index follows each write in
 * its transaction, so without one the job is listed but disabled, and says why. Housekeeping, not
 * fetch: configuring Meilisearch is the operator's opt-in, and without the drain it never updates.
 */
export function searchOutboxDrainJob(drain: SearchOutboxDrain | null, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return housekeepingJob({
    name: 'search-outbox-drain',
    description: 'Sends pending certificate changes to the search index',
    schedule,
    housekeepingEnabled,
    work: drain,
    withoutWork: {
      reason: 'no search outbox in this configuration (the embedded index is updated in each write)',
      // Nothing to drain: the embedded index needs no outbox.
      result: { outcome: 'succeeded', counts: {}, error: null },
    },
  });
}
