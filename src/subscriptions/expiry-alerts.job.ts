import { housekeepingJob } from '../jobs/housekeeping-job.ts';
import type { JobCounts, JobDefinition } from '../jobs/job.types.ts';

/** Raises what is due (ExpiryAlerts.run through the write lock) and asks the feed to deliver it. */
export type RaiseExpiryAlerts = () => Promise<JobCounts>;

/**
 * `expiry-alerts`: tells subscribers before a certificate expires (180/90/30 days, or the days a
 * subscription names) and when it has. Daily, and once at start: what fell due while the service
 * was down is raised then, and nothing is raised twice.
 */
export function expiryAlertsJob(raise: RaiseExpiryAlerts, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return housekeepingJob({
    name: 'expiry-alerts',
    description: 'Raises certificate.expiring and certificate.expired for subscriptions, once per certificate, threshold and expiry date',
    schedule,
    housekeepingEnabled,
    work: raise,
    runAtStart: true,
  });
}
