import { type CertificateStatus, certificateStatus } from '../certificates/certificate-status.ts';
import { normalise } from '../numbers/normalise.ts';
import type { Family } from '../numbers/number.types.ts';
import type { Clock } from '../shared/clock.ts';
import { invalidCursor } from '../shared/cursor.ts';
import { encodeCode } from './doc-code.ts';
import { codeFilter, FacetCounter } from './embedded/facet-counter.ts';
import type { SearchRow, SearchRows } from './embedded/search-rows.ts';
import { highlight, highlightWhole } from './highlight.ts';
import { searchQueryEmpty } from './search.errors.ts';
import { type EngineQuery, type EngineResult, type SearchEngine, type SearchEngineName, SearchEngineUnavailable } from './search.port.ts';
import { addFacets, emptyFacets, type FacetCounts, type MatchKind, type SearchFilters } from './search.types.ts';
import { decodeSearchCursor, encodeSearchCursor, queryFingerprint, type SearchCursor } from './search-cursor.ts';
import { foldText } from './search-text.ts';

interface SearchRequest {
  q: string;
  filters: SearchFilters;
  limit: number;
  cursor?: string | undefined;
}

interface Highlight {
  field: 'canonical' | 'productName' | 'holder';
  fragment: string;
}

export interface SearchHitView {
  canonical: string;
  productName: string | null;
  holder: string | null;
  managementClass: number;
  status: CertificateStatus;
  family: Family;
  authority: string;
  year: number;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  matchedBy: MatchKind;
  highlights: Highlight[];
}

export interface SearchAnswer {
  hits: SearchHitView[];
  total: number;
  facets: FacetCounts;
  facetsExact: boolean;
  nextCursor: string | null;
  /** The engine that answered. */
  engine: SearchEngineName;
  /** True when the configured engine could not answer and the embedded index did. */
  fallback: boolean;
  /** Why the configured engine could not answer, for the log. */
  fallbackReason?: string;
  /**
   * When the embedded index answered while catching up after a bulk import: when the oldest
   * change it does not show yet was written. Null when it is in step, or Meilisearch answered.
   */
  indexBehindSince: string | null;
}

interface SearchServiceDeps {
  primary: SearchEngine;
  /** Answers when the primary is unavailable (the embedded index behind Meilisearch); else null. */
  fallback: SearchEngine | null;
  rows: SearchRows;
  clock: Clock;
  /** The embedded index's oldest unindexed change (`search-catch-up.ts`), or null when in step. */
  behindSince: () => string | null;
}

/** Why a page came from the fallback although the primary was not asked. */
const CONTINUED_ON_FALLBACK = 'continuing pages the embedded index began while Meilisearch was unavailable';

interface EngineAnswer {
  result: EngineResult;
  engine: SearchEngineName;
  fallback: boolean;
  fallbackReason?: string;
}

/**
 * Search, whichever engine is configured: a query that normalises to certificate numbers puts
 * those certificates first (looked up in the store by match key, so every spelling finds them);
 * the engine adds the text matches after them, in tiers. The service owns the cursor, the exact
 * hits' share of totals and facets, and the rendering, so the engines stay thin.
 */
export class SearchService {
  constructor(private readonly deps: SearchServiceDeps) {}

  async search(request: SearchRequest): Promise<SearchAnswer> {
    const { q, filters, limit } = request;
    const text = foldText(q);
    const fingerprint = queryFingerprint(text, filters);
    const cursor = request.cursor ? decodeSearchCursor(request.cursor, fingerprint) : null;
    const today = this.deps.clock.today();
    const filter = codeFilter(filters, today);

    const exact = this.exactMatches(q);
    if (text.length === 0 && exact.length === 0) throw searchQueryEmpty(q);
    const exactCounts = new FacetCounter(filter);
    for (const row of exact) exactCounts.add(encodeCode(row));
    const pinned = exact.filter((row) => exactCounts.passes(encodeCode(row)));
    const pinnedShown = Math.min(cursor?.pinnedShown ?? 0, pinned.length);
    const pinnedPage = pinned.slice(pinnedShown, pinnedShown + limit);
    const room = limit - pinnedPage.length;

    const answer =
      text.length === 0
        ? {
            result: { hits: [], total: 0, facets: emptyFacets(), facetsExact: true, next: null },
            engine: this.deps.primary.name,
            fallback: false,
          }
        : await this.askEngine(
            { text, filters, exclude: exact.map((row) => row.id), limit: room, cursor: cursor?.engineCursor ?? null, today },
            cursor,
          );

    const next = this.nextCursor(cursor, pinnedShown + pinnedPage.length, pinned.length, room, answer);
    const engineRows = this.deps.rows.byIds(answer.result.hits.map((hit) => hit.certificateId));
    const hits = [
      ...pinnedPage.map((row) => this.view(row, 'number', text, today)),
      ...answer.result.hits.flatMap((hit) => {
        // A hit the store no longer holds (a Meilisearch document not yet deleted) is left out.
        const row = engineRows.get(hit.certificateId);
        return row ? [this.view(row, hit.matchedBy, text, today)] : [];
      }),
    ];
    return {
      hits,
      total: answer.result.total + pinned.length,
      facets: addFacets(answer.result.facets, exactCounts.facets()),
      facetsExact: answer.result.facetsExact,
      nextCursor: next ? encodeSearchCursor(next, fingerprint) : null,
      engine: answer.engine,
      fallback: answer.fallback,
      indexBehindSince: answer.engine === 'embedded' ? this.deps.behindSince() : null,
      ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    };
  }

  /** Every certificate the query names by number, in the order the query names them. */
  private exactMatches(q: string): SearchRow[] {
    const { numbers } = normalise(q, { currentYear: this.deps.clock.currentYear() });
    const found = new Map<number, SearchRow>();
    for (const number of numbers) {
      const row = this.deps.rows.findByMatchKey(number.matchKey);
      if (row) found.set(row.id, row);
    }
    return [...found.values()];
  }

  private async askEngine(query: EngineQuery, cursor: SearchCursor | null): Promise<EngineAnswer> {
    const { primary, fallback } = this.deps;
    // An engine's cursor means nothing to the other engine (their tiers and order differ), so the
    // engine that issued it continues: paging begun on the fallback stays there to the last page,
    // even once the primary is back, rather than failing or jumping to another order mid-way.
    const issuedBy = cursor?.engineCursor ? cursor.engine : null;
    if (fallback && issuedBy === fallback.name) {
      return { result: await fallback.search(query), engine: fallback.name, fallback: true, fallbackReason: CONTINUED_ON_FALLBACK };
    }
    if (issuedBy !== null && issuedBy !== primary.name) throw invalidCursor('other_engine');
    try {
      return { result: await primary.search(query), engine: primary.name, fallback: false };
    } catch (error) {
      if (!(error instanceof SearchEngineUnavailable) || !fallback) throw error;
      // The primary's cursor cannot be continued by the fallback: the client starts again, on the fallback.
      if (issuedBy !== null) throw invalidCursor('other_engine');
      return { result: await fallback.search(query), engine: fallback.name, fallback: true, fallbackReason: error.message };
    }
  }

  private nextCursor(
    cursor: SearchCursor | null,
    pinnedShown: number,
    pinnedTotal: number,
    room: number,
    answer: EngineAnswer,
  ): SearchCursor | null {
    // Exact hits left: the engine has not started yet, so its cursor stays where it was (nowhere).
    if (pinnedShown < pinnedTotal) return { pinnedShown, engine: answer.engine, engineCursor: cursor?.engineCursor ?? null };
    if (room > 0) return answer.result.next ? { pinnedShown, engine: answer.engine, engineCursor: answer.result.next } : null;
    // The exact hits filled this page to the brim; the text matches start on the next one.
    return answer.result.total > 0 ? { pinnedShown, engine: answer.engine, engineCursor: null } : null;
  }

  private view(row: SearchRow, matchedBy: MatchKind, text: string, today: string): SearchHitView {
    const highlights: Highlight[] = [];
    const mark = (field: Highlight['field'], fragment: string | null): void => {
      if (fragment) highlights.push({ field, fragment });
    };
    mark('canonical', matchedBy === 'number' ? highlightWhole(row.canonical) : highlight(row.canonical, text));
    mark('productName', highlight(row.productName, text));
    mark('holder', highlight(row.holder, text));
    return {
      canonical: row.canonical,
      productName: row.productName,
      holder: row.holder,
      managementClass: row.managementClass,
      status: certificateStatus(row.family, row.expiryDate, today),
      family: row.family,
      authority: row.authority,
      year: row.year,
      approvalDate: row.approvalDate,
      effectiveDate: row.effectiveDate,
      expiryDate: row.expiryDate,
      matchedBy,
      highlights,
    };
  }
}
