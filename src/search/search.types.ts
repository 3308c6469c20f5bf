import type { CertificateStatus } from '../certificates/certificate-status.ts';
import type { Family, ManagementClass } from '../numbers/number.types.ts';

/** What a search may be narrowed to; every filter is optional. */
export interface SearchFilters {
  family?: Family | undefined;
  /** One-character authority abbreviation: 国, 粤 … */
  authority?: string | undefined;
  managementClass?: ManagementClass | undefined;
  status?: CertificateStatus | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
}

/** Why a hit matched, in ranking order. */
export const MATCH_KINDS = ['number', 'number_prefix', 'number_fragment', 'product_name', 'holder'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const FACET_NAMES = ['authority', 'class', 'status', 'family'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/**
 * Hit counts per facet value. Each facet is counted with every filter applied except its own, so a
 * client can show what choosing another value of that facet would give.
 */
export type FacetCounts = Record<FacetName, Record<string, number>>;

export function emptyFacets(): FacetCounts {
  return { authority: {}, class: {}, status: {}, family: {} };
}

/** Adds counts from another source (the exact-number hits, another query) into `into`. */
export function addFacets(into: FacetCounts, more: FacetCounts): FacetCounts {
  for (const name of FACET_NAMES) {
    for (const [value, count] of Object.entries(more[name])) {
      if (count > 0) into[name][value] = (into[name][value] ?? 0) + count;
    }
  }
  return into;
}
