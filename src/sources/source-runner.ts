import type { Normaliser } from '../numbers/number-cache.ts';
import { emptySourceCounts, type SourceRunDeps, type SourceRunResult, visitPage } from './source-run.ts';
import type { AnnouncementSource, DetailSource, SourceDefinition } from './sources-config.ts';

export interface SourceRunnerDeps extends SourceRunDeps {
  normalise: Normaliser;
  /** Certificates known only from undated sources, by id after `afterId`, for detail sources that fill dates. */
  datesUnknown: (limit: number, afterId: number) => { id: number; canonical: string }[];
}

/** One run of one HTML source: every page it should visit now, each on its own. */
export async function runSource(source: SourceDefinition, deps: SourceRunnerDeps): Promise<SourceRunResult> {
  const result: SourceRunResult = { counts: emptySourceCounts(), failures: [] };
  if (source.shape === 'detail') await runDetail(source, deps, result);
  else await runAnnouncement(source, deps, result);
  return result;
}

async function runDetail(source: DetailSource, deps: SourceRunnerDeps, result: SourceRunResult): Promise<void> {
  for (const number of detailTargets(source, deps, result)) {
    await visitPage(source, detailUrl(source, number), deps, result);
  }
}

function detailUrl(source: DetailSource, canonical: string): string {
  return source.url.replaceAll('{number}', encodeURIComponent(canonical));
}

/**
 * Which certificates to look up: the configured numbers, then (if asked) certificates whose dates
 * no source has given, skipping those checked within `recheckDays` — at most `maxPerRun`.
 */
function detailTargets(source: DetailSource, deps: SourceRunnerDeps, result: SourceRunResult): string[] {
  const targets = new Set<string>();
  for (const text of source.numbers) {
    const parsed = deps.normalise(text, { currentYear: deps.clock.currentYear() }).numbers;
    if (parsed.length === 0)
      result.failures.push({ url: source.url, code: 'config_invalid_number', message: `not a certificate number: ${text}` });
    for (const number of parsed) if (targets.size < source.maxPerRun) targets.add(number.canonical);
  }
  if (!source.datesUnknown) return [...targets];
  const recheckAfter = new Date(deps.clock.now().getTime() - source.recheckDays * 86_400_000).toISOString();
  const page = 500;
  // Keyset paging: each page starts after the last id seen, so a long list is read once, not rescanned.
  for (let afterId = 0; targets.size < source.maxPerRun; ) {
    const candidates = deps.datesUnknown(page, afterId);
    for (const { canonical } of candidates) {
      if (targets.size >= source.maxPerRun) break;
      const last = deps.pages.lastVisit(`html:${source.name}`, detailUrl(source, canonical));
      if (!last || last.fetchedAt < recheckAfter) targets.add(canonical);
    }
    if (candidates.length < page) break;
    afterId = candidates[candidates.length - 1]!.id;
  }
  return [...targets];
}

/**
 * Pages of a list, newest first as announcements are: the first page, then the `下一页` link (or
 * the `pageUrl` template) until a page is empty, unchanged, failed, or `maxPages` is reached.
 * An unchanged first page (304) means nothing new was announced: the run stops there.
 */
async function runAnnouncement(source: AnnouncementSource, deps: SourceRunnerDeps, result: SourceRunResult): Promise<void> {
  const visited = new Set<string>();
  let url: string | null = source.url;
  for (let page = 1; url && page <= source.maxPages && !visited.has(url); page++) {
    visited.add(url);
    const visit = await visitPage(source, url, deps, result);
    if (source.pageUrl) {
      // With a template a failed page does not hide the next one; an unchanged or empty one ends the list.
      const more = visit.outcome === 'imported' || (page > 1 && visit.outcome !== 'empty' && visit.outcome !== 'not_modified');
      url = more ? source.pageUrl.replaceAll('{page}', String(page + 1)) : null;
    } else {
      url = visit.outcome === 'imported' ? visit.nextUrl : null;
    }
  }
}
