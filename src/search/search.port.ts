import type { FacetCounts, MatchKind, SearchFilters } from './search.types.ts';

export const SEARCH_ENGINE_NAMES = ['embedded', 'meilisearch'] as const;
export type SearchEngineName = (typeof SEARCH_ENGINE_NAMES)[number];

/** One page of text matches, asked of an engine. Exact-number hits are the service's business. */
export interface EngineQuery {
  /** The query folded by `foldText`: letters and digits only, never empty. */
  text: string;
  filters: SearchFilters;
  /** Certificates the service already shows as exact number matches: no hit, no count, no facet. */
  exclude: readonly number[];
  /** Hits wanted; 0 asks only for the total and the facets. */
  limit: number;
  /** This engine's own cursor from its previous page, or null for the first. */
  cursor: string | null;
  /** Today in Asia/Shanghai: what valid and expired are measured against. */
  today: string;
}

export interface EngineHit {
  certificateId: number;
  matchedBy: Exclude<MatchKind, 'number'>;
}

export interface EngineResult {
  hits: EngineHit[];
  /** Every text match that passes the filters, not only this page. */
  total: number;
  facets: FacetCounts;
  /** False when the facets were estimated from a sample (the total never is). */
  facetsExact: boolean;
  /** Opaque; null on the last page. */
  next: string | null;
}

/**
 * The search engine port. Both engines answer the same queries with the same matching rules
 * (substrings of the folded number, product name and holder; tiers in `MatchKind` order); the
 * contract suite in tests/search holds them to it.
 */
export interface SearchEngine {
  readonly name: SearchEngineName;
  search(query: EngineQuery): Promise<EngineResult>;
}

/** Thrown by an engine that cannot answer now (unreachable, timing out): the service falls back. */
export class SearchEngineUnavailable extends Error {
  override name = 'SearchEngineUnavailable';
  constructor(engine: SearchEngineName, cause: unknown) {
    super(`${engine} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
