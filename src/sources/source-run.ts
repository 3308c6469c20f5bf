import { AppError } from '../shared/app-error.ts';
import { extractAnnouncement } from './announcement-page.ts';
import { extractDetail } from './detail-page.ts';
import { decodeHtml } from './html-decoding.ts';
import { FIELD_LABELS, type LabelledValues } from './labelled-row.ts';
import { importPageRecords, type PageImportDeps } from './page-import.ts';
import type { PageResponse, PoliteFetcher } from './polite-fetcher.ts';
import type { PageOutcome, SourcePagesRepository } from './source-pages.repository.ts';
import { sourceLayoutChanged } from './sources.errors.ts';
import type { SourceDefinition } from './sources-config.ts';

/** The logging a run needs; pino's logger fits. */
export interface RunLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SourceRunDeps extends PageImportDeps {
  fetcher: PoliteFetcher;
  pages: SourcePagesRepository;
  log: RunLog;
}

export interface SourceRunCounts {
  pagesFetched: number;
  /** Pages read and stored (or read and empty). */
  pagesImported: number;
  pagesNotModified: number;
  pagesNotFound: number;
  pagesFailed: number;
  layoutChanged: number;
  records: number;
  rejected: number;
  outranked: number;
  versionsAdded: number;
  certificatesCreated: number;
}

export interface PageFailure {
  url: string;
  code: string;
  message: string;
}

export interface SourceRunResult {
  counts: SourceRunCounts;
  /** Every page that failed, with why; the job run stores the first ones. */
  failures: PageFailure[];
}

type PageResult =
  | { outcome: 'imported' | 'empty'; nextUrl: string | null }
  | { outcome: Exclude<PageOutcome, 'imported' | 'empty'>; nextUrl: null };

export function emptySourceCounts(): SourceRunCounts {
  return {
    pagesFetched: 0,
    pagesImported: 0,
    pagesNotModified: 0,
    pagesNotFound: 0,
    pagesFailed: 0,
    layoutChanged: 0,
    records: 0,
    rejected: 0,
    outranked: 0,
    versionsAdded: 0,
    certificatesCreated: 0,
  };
}

/**
 * Fetches, reads and stores one page of a source, recording the visit whatever happens. Never
 * throws: a bad page is counted and listed, and the run goes on to the next one.
 */
export async function visitPage(source: SourceDefinition, url: string, deps: SourceRunDeps, result: SourceRunResult): Promise<PageResult> {
  const sourceKey = `html:${source.name}`;
  const { counts } = result;
  const fetchedAt = deps.clock.now().toISOString();
  const visit = { source: sourceKey, url, fetchedAt, records: 0, versionsAdded: 0, httpStatus: null as number | null };
  const fail = (outcome: PageOutcome, error: AppError | Error, httpStatus: number | null = null): PageResult => {
    const code = error instanceof AppError ? error.code : 'source_page_failed';
    counts.pagesFailed++;
    result.failures.push({ url, code, message: error.message });
    deps.pages.record({ ...visit, httpStatus, outcome, error: `${code}: ${error.message}` });
    return { outcome: outcome as Exclude<PageOutcome, 'imported' | 'empty'>, nextUrl: null };
  };

  let response: PageResponse;
  try {
    response = await deps.fetcher.fetch({
      url,
      ...deps.pages.validators(sourceKey, url),
      ...(source.timeoutMs !== undefined ? { timeoutMs: source.timeoutMs } : {}),
      ...(source.retries !== undefined ? { retries: source.retries } : {}),
      ...(source.minIntervalMs !== undefined ? { minIntervalMs: source.minIntervalMs } : {}),
    });
  } catch (error) {
    const appError =
      error instanceof AppError ? error : new AppError(502, 'source_network_error', { zh: String(error), en: String(error) });
    const outcome: PageOutcome =
      appError.code === 'source_timeout' ? 'timeout' : appError.code === 'source_http_error' ? 'http_error' : 'network_error';
    deps.log.warn({ source: source.name, url, code: appError.code }, 'source page could not be fetched');
    return fail(outcome, appError, typeof appError.extra.httpStatus === 'number' ? appError.extra.httpStatus : null);
  }
  if (response.kind === 'not_modified') {
    counts.pagesNotModified++;
    deps.pages.record({ ...visit, httpStatus: 304, outcome: 'not_modified', error: null });
    return { outcome: 'not_modified', nextUrl: null };
  }
  counts.pagesFetched++;
  const okVisit = { ...visit, httpStatus: response.status, etag: response.etag, lastModified: response.lastModified };
  const layoutChanged = (missing: readonly string[], seen: readonly string[]): PageResult => {
    counts.layoutChanged++;
    const labels = missing.map((field) => FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field);
    // Loud on purpose: this needs a person to look at the site and the source's configuration.
    deps.log.error(
      { source: source.name, url, missing: labels, labelsSeen: seen.slice(0, 30) },
      'source page layout changed: nothing imported',
    );
    return fail('layout_changed', sourceLayoutChanged(url, labels), okVisit.httpStatus);
  };

  try {
    const { html } = decodeHtml(response.body, response.contentType, source.charset);
    let records: LabelledValues[];
    let nextUrl: string | null = null;
    if (source.shape === 'detail') {
      const extracted = extractDetail(html, source.notFoundText);
      if (extracted.kind === 'not_found') {
        counts.pagesNotFound++;
        deps.pages.record({ ...okVisit, outcome: 'not_found', error: null });
        return { outcome: 'not_found', nextUrl: null };
      }
      if (extracted.kind === 'layout_changed') return layoutChanged(extracted.missing, extracted.labelsSeen);
      records = [extracted.values];
    } else {
      const extracted = extractAnnouncement(html, response.url);
      if (extracted.kind === 'layout_changed') return layoutChanged(extracted.missing, extracted.headersSeen);
      records = extracted.rows;
      nextUrl = extracted.nextUrl;
    }
    const imported = importPageRecords(records, { sourceName: source.name, url, fetchedAt, documentType: source.documentType }, deps);
    counts.records += imported.records;
    counts.rejected += imported.rejected.length;
    counts.outranked += imported.outranked.length;
    counts.versionsAdded += imported.versionsAdded;
    counts.certificatesCreated += imported.certificatesCreated;
    for (const issue of imported.rejected.slice(0, 5)) {
      result.failures.push({ url, code: `row_${issue.reason}`, message: `row ${issue.row}: ${issue.message.en}` });
    }
    const outcome = records.length === 0 ? 'empty' : 'imported';
    counts.pagesImported++;
    deps.pages.record({ ...okVisit, outcome, records: imported.records, versionsAdded: imported.versionsAdded, error: null });
    return { outcome, nextUrl };
  } catch (error) {
    deps.log.error({ source: source.name, url, err: error }, 'source page could not be read');
    return fail('failed', error instanceof Error ? error : new Error(String(error)), okVisit.httpStatus);
  }
}
