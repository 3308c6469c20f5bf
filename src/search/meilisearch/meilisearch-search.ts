import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { invalidCursor } from '../../shared/cursor.ts';
import { dayKey, STATUSES } from '../doc-code.ts';
import type { EngineHit, EngineQuery, EngineResult, SearchEngine } from '../search.port.ts';
import { emptyFacets, type FacetName, type SearchFilters } from '../search.types.ts';
import { type MeiliDocument, meiliQuery } from '../search-document.ts';
import { foldText } from '../search-text.ts';
import { callMeilisearch } from './meilisearch-errors.ts';

type Hit = Pick<MeiliDocument, 'certificateId' | 'canonical'>;
type FilteredFacet = Exclude<FacetName, 'status'>;

/** Meilisearch attribute of each facet that is stored (status is not: it depends on today). */
const FACET_ATTRIBUTES: Record<FilteredFacet, string> = { authority: 'authority', class: 'managementClass', family: 'family' };

/**
 * The Meilisearch engine: one multi-search request per query, holding the page, the total with
 * the stored facets, one count per facet whose filter is set (facets leave out their own filter),
 * and one count per status (status is today's comparison of the expiry, not a stored value).
 */
export class MeilisearchSearch implements SearchEngine {
  readonly name = 'meilisearch' as const;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid: string,
  ) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    const q = meiliQuery(query.text);
    const offset = query.cursor === null ? 0 : decodeOffset(query.cursor);
    const todayKey = dayKey(query.today);
    const filterWithout = (facet: FacetName | null): string[] => filterClauses(query.filters, todayKey, facet, query.exclude);
    const facetsUnfiltered = (Object.keys(FACET_ATTRIBUTES) as FilteredFacet[]).filter((f) => !isFiltered(query.filters, f));
    const facetsFiltered = (Object.keys(FACET_ATTRIBUTES) as FilteredFacet[]).filter((f) => isFiltered(query.filters, f));
    const count = (filter: string[], facets: string[] = []): MultiSearchQuery => ({
      indexUid: this.indexUid,
      q,
      filter,
      facets,
      page: 1,
      hitsPerPage: 0,
    });
    const queries: MultiSearchQuery[] = [
      {
        indexUid: this.indexUid,
        q,
        filter: filterWithout(null),
        sort: ['order:asc'],
        offset,
        limit: query.limit + 1,
        attributesToRetrieve: ['certificateId', 'canonical'],
        showMatchesPosition: true,
      },
      count(
        filterWithout(null),
        facetsUnfiltered.map((f) => FACET_ATTRIBUTES[f]),
      ),
      ...facetsFiltered.map((f) => count(filterWithout(f), [FACET_ATTRIBUTES[f]])),
      ...STATUSES.map((status) => count([...filterWithout('status'), statusClause(status, todayKey)])),
    ];
    const { results } = await callMeilisearch(() => this.client.multiSearch<{ queries: MultiSearchQuery[] }, Hit>({ queries }));

    const [page, totals, ...rest] = results as MultiSearchResult<Hit>[];
    const facets = emptyFacets();
    const take = (facet: FilteredFacet, result: MultiSearchResult<Hit> | undefined): void => {
      const distribution = result?.facetDistribution?.[FACET_ATTRIBUTES[facet]] ?? {};
      for (const [value, n] of Object.entries(distribution)) if (n > 0) facets[facet][value] = n;
    };
    for (const facet of facetsUnfiltered) take(facet, totals);
    for (const [i, facet] of facetsFiltered.entries()) take(facet, rest[i]);
    STATUSES.forEach((status, i) => {
      const n = rest[facetsFiltered.length + i]?.totalHits ?? 0;
      if (n > 0) facets.status[status] = n;
    });

    const hits = (page?.hits ?? []).map((hit) => ({ certificateId: hit.certificateId, matchedBy: matchedBy(hit, query.text) }));
    const more = hits.length > query.limit;
    return {
      hits: hits.slice(0, query.limit),
      total: totals?.totalHits ?? 0,
      facets,
      facetsExact: true,
      next: more ? String(offset + query.limit) : null,
    };
  }
}

function isFiltered(filters: SearchFilters, facet: FacetName): boolean {
  if (facet === 'authority') return filters.authority !== undefined;
  if (facet === 'class') return filters.managementClass !== undefined;
  if (facet === 'family') return filters.family !== undefined;
  return filters.status !== undefined;
}

/** Filter values come from validated enums and integers, so quoting them is enough. */
function filterClauses(filters: SearchFilters, todayKey: number, without: FacetName | null, exclude: readonly number[]): string[] {
  const clauses: string[] = [];
  if (filters.family && without !== 'family') clauses.push(`family = ${JSON.stringify(filters.family)}`);
  if (filters.authority && without !== 'authority') clauses.push(`authority = ${JSON.stringify(filters.authority)}`);
  if (filters.managementClass && without !== 'class') clauses.push(`managementClass = ${filters.managementClass}`);
  if (filters.status && without !== 'status') clauses.push(statusClause(filters.status, todayKey));
  if (filters.yearFrom !== undefined) clauses.push(`year >= ${filters.yearFrom}`);
  if (filters.yearTo !== undefined) clauses.push(`year <= ${filters.yearTo}`);
  if (exclude.length > 0) clauses.push(`certificateId NOT IN [${exclude.join(', ')}]`);
  return clauses;
}

/** The same rule as `certificateStatus`, as a filter on the stored expiry day. */
function statusClause(status: (typeof STATUSES)[number], todayKey: number): string {
  const filing = '"filing"';
  switch (status) {
    case 'filed':
      return `family = ${filing}`;
    case 'unknown':
      return `(family != ${filing} AND expiryDay = 0)`;
    case 'expired':
      return `(family != ${filing} AND expiryDay >= 1 AND expiryDay < ${todayKey})`;
    case 'valid':
      return `(family != ${filing} AND expiryDay >= ${todayKey})`;
  }
}

/** The best field the query matched in, as the embedded engine's tiers name it. */
function matchedBy(hit: MultiSearchResult<Hit>['hits'][number], text: string): EngineHit['matchedBy'] {
  const fields = hit._matchesPosition ?? {};
  if ('numberGrams' in fields) return foldText(hit.canonical).startsWith(text) ? 'number_prefix' : 'number_fragment';
  if ('nameGrams' in fields) return 'product_name';
  return 'holder';
}

function decodeOffset(cursor: string): number {
  if (!/^\d{1,9}$/.test(cursor)) throw invalidCursor();
  return Number(cursor);
}
