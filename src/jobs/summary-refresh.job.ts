import { housekeepingJob } from './housekeeping-job.ts';
import type { JobCounts, JobDefinition } from './job.types.ts';

/** Recomputes the stored summaries that are due (src/certificates' SummaryRefresher, given today). */
export type SummaryRefresh = () => Promise<JobCounts>;

const SUMMARY_REFRESH_JOB = 'summary-refresh';

/**
 * Keeps the summary columns (what search, its outbox and lists read) in step with the calendar: a
 * document stored with a later effective day (a change with a later 生效日期, a renewal approved
 * before the old expiry) becomes the one in effect on that day without any write. Runs daily just
 * after midnight and once at start-up, for the days the service was down. The CLI builds the same
 * job around a refresh of every certificate (`certref refresh-summaries --all`), so the two share
 * one lease and one history.
 */
export function summaryRefreshJob(refresh: SummaryRefresh, schedule: string, housekeepingEnabled: boolean): JobDefinition {
  return housekeepingJob({
    name: SUMMARY_REFRESH_JOB,
    description:
      'Recomputes certificate summaries on the day a stored document takes effect, so search shows it; all of them after the ranking of sources or the summary rules changed',
    schedule,
    housekeepingEnabled,
    work: refresh,
    runAtStart: true,
  });
}
