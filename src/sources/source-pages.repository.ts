import type Database from 'better-sqlite3';

export type PageOutcome =
  | 'imported'
  | 'not_modified'
  | 'not_found'
  | 'empty'
  | 'layout_changed'
  | 'http_error'
  | 'network_error'
  | 'timeout'
  | 'failed';

/** Outcomes after which the page's content was understood: its validators may be reused. */
const UNDERSTOOD: ReadonlySet<PageOutcome> = new Set(['imported', 'not_modified', 'not_found', 'empty']);

interface PageVisit {
  source: string;
  url: string;
  outcome: PageOutcome;
  httpStatus: number | null;
  etag?: string | null;
  lastModified?: string | null;
  records: number;
  versionsAdded: number;
  error: string | null;
  fetchedAt: string;
}

interface PageStats {
  pages: number;
  failing: number;
  lastSuccessAt: string | null;
}

/** source_pages: the last visit to each page, and the validators for the next conditional request. */
export class SourcePagesRepository {
  private readonly byKey: Database.Statement<
    [string, string],
    { etag: string | null; lastModified: string | null; outcome: PageOutcome; fetchedAt: string }
  >;
  private readonly upsert: Database.Statement;
  private readonly statsOf: Database.Statement<[string], PageStats>;

  constructor(sqlite: Database.Database) {
    this.byKey = sqlite.prepare(`
      SELECT etag, last_modified AS lastModified, outcome, fetched_at AS fetchedAt FROM source_pages
      WHERE source = ? AND url = ?`);
    // A 304 keeps the validators and record count of the visit that imported the page.
    this.upsert = sqlite.prepare(`
      INSERT INTO source_pages (source, url, etag, last_modified, outcome, http_status, records, versions_added, error,
        fetched_at, last_success_at)
      VALUES (@source, @url, @etag, @lastModified, @outcome, @httpStatus, @records, @versionsAdded, @error, @fetchedAt,
        CASE WHEN @understood THEN @fetchedAt END)
      ON CONFLICT (source, url) DO UPDATE SET
        etag = CASE WHEN @keepValidators THEN etag ELSE excluded.etag END,
        last_modified = CASE WHEN @keepValidators THEN last_modified ELSE excluded.last_modified END,
        outcome = excluded.outcome, http_status = excluded.http_status,
        records = CASE WHEN @keepValidators THEN records ELSE excluded.records END,
        versions_added = excluded.versions_added, error = excluded.error, fetched_at = excluded.fetched_at,
        last_success_at = CASE WHEN @understood THEN excluded.fetched_at ELSE last_success_at END`);
    this.statsOf = sqlite.prepare(`
      SELECT count(*) AS pages,
        coalesce(sum(outcome NOT IN ('imported', 'not_modified', 'not_found', 'empty')), 0) AS failing,
        max(last_success_at) AS lastSuccessAt
      FROM source_pages WHERE source = ?`);
  }

  /**
   * ETag and Last-Modified to send, only if the last visit understood the page: after a layout
   * failure the page must be fetched whole again, not answered with a 304.
   */
  validators(source: string, url: string): { etag: string | null; lastModified: string | null } {
    const row = this.byKey.get(source, url);
    if (!row || !UNDERSTOOD.has(row.outcome)) return { etag: null, lastModified: null };
    return { etag: row.etag, lastModified: row.lastModified };
  }

  lastVisit(source: string, url: string): { outcome: PageOutcome; fetchedAt: string } | null {
    const row = this.byKey.get(source, url);
    return row ? { outcome: row.outcome, fetchedAt: row.fetchedAt } : null;
  }

  record(visit: PageVisit): void {
    this.upsert.run({
      source: visit.source,
      url: visit.url,
      etag: visit.etag ?? null,
      lastModified: visit.lastModified ?? null,
      outcome: visit.outcome,
      httpStatus: visit.httpStatus,
      records: visit.records,
      versionsAdded: visit.versionsAdded,
      error: visit.error,
      fetchedAt: visit.fetchedAt,
      understood: UNDERSTOOD.has(visit.outcome) ? 1 : 0,
      keepValidators: visit.outcome === 'not_modified' ? 1 : 0,
    });
  }

  stats(source: string): PageStats {
    return this.statsOf.get(source) ?? { pages: 0, failing: 0, lastSuccessAt: null };
  }
}
