import { createHash } from 'node:crypto';

/**
 * Bump when the writer would store a different summary for the same versions (the date rules of
 * current-document.ts, the writer's summaryFrom): the summary-refresh job's next run then
 * recomputes every stored summary once, instead of leaving those written before the change.
 */
const SUMMARY_RULES_VERSION = 1;

/**
 * What the stored summaries were computed under: the rules' version and the configured ranking of
 * sources. Stored after a full refresh (service_state); a different value at the next run means
 * summaries written before an upgrade or a new sources file, so all of them are recomputed.
 */
export function summaryRules(ranking: readonly (readonly [string, string])[]): string {
  return createHash('sha1')
    .update(JSON.stringify({ version: SUMMARY_RULES_VERSION, ranking }))
    .digest('hex');
}
