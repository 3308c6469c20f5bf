import {
  FAMILIES,
  STATUSES,
  authorityAt,
  authorityIndex,
  dayKey,
  decodeCode,
  statusIndex,
  yearOffset,
} from './doc-code.ts';
import { emptyFacets, type FacetCounts, type SearchFilters } from './search.types.ts';

/** The filters as field values of a facet code; -1 means "any". */
export interface CodeFilter {
  family: number;
  managementClass: number;
  authority: number;
  status: number;
  yearFrom: number;
  yearTo: number;
  todayKey: number;
}

export function codeFilter(filters: SearchFilters, today: string): CodeFilter {
  return {
    family: filters.family ? FAMILIES.indexOf(filters.family) : -1,
    managementClass: filters.managementClass ?? -1,
    authority: filters.authority ? authorityIndex(filters.authority) : -1,
    status: filters.status ? STATUSES.indexOf(filters.status) : -1,
    yearFrom: filters.yearFrom === undefined ? 0 : yearOffset(filters.yearFrom),
    yearTo: filters.yearTo === undefined ? Number.MAX_SAFE_INTEGER : yearOffset(filters.yearTo),
    todayKey: dayKey(today),
  };
}

// Which facet a single failing filter belongs to.
const FAMILY = 0;
const CLASS = 1;
const AUTHORITY = 2;
const STATUS = 3;
/** Outside the years, or failing two filters or more: counted nowhere. */
const COUNTED_NOWHERE = -2;

/** -1 when a code passes every filter; the facet when it fails exactly that one; else COUNTED_NOWHERE. */
function failedFacet(family: number, cls: number, authority: number, status: number, year: number, f: CodeFilter): number {
  if (year < f.yearFrom || year > f.yearTo) return COUNTED_NOWHERE;
  let misses = 0;
  let missed = -1;
  if (f.family >= 0 && family !== f.family) {
    misses++;
    missed = FAMILY;
  }
  if (f.managementClass >= 0 && cls !== f.managementClass) {
    misses++;
    missed = CLASS;
  }
  if (f.authority >= 0 && authority !== f.authority) {
    misses++;
    missed = AUTHORITY;
  }
  if (f.status >= 0 && status !== f.status) {
    misses++;
    missed = STATUS;
  }
  return misses === 0 ? -1 : misses === 1 ? missed : COUNTED_NOWHERE;
}

/** Whether a facet code passes every filter. */
export function passesFilter(code: number, f: CodeFilter): boolean {
  const d = decodeCode(code);
  return failedFacet(d.family, d.managementClass, d.authority, statusIndex(d.family, d.expiryDay, f.todayKey), d.yearOffset, f) === -1;
}

/**
 * Counts hits and facets from facet codes, one code per hit, with disjunctive facets: a hit that
 * fails only the authority filter still counts under its authority, so the authority facet shows
 * what picking another authority would give. Called once per hit from inside SQLite, so it keeps
 * its counts in typed arrays.
 */
export class FacetCounter {
  total = 0;
  private readonly family = new Float64Array(4);
  private readonly managementClass = new Float64Array(4);
  private readonly authority = new Float64Array(64);
  private readonly status = new Float64Array(4);

  constructor(private readonly filter: CodeFilter) {}

  add(code: number): void {
    const d = decodeCode(code);
    const status = statusIndex(d.family, d.expiryDay, this.filter.todayKey);
    const failed = failedFacet(d.family, d.managementClass, d.authority, status, d.yearOffset, this.filter);
    if (failed === COUNTED_NOWHERE) return;
    if (failed === -1) this.total++;
    if (failed === -1 || failed === FAMILY) this.family[d.family]!++;
    if (failed === -1 || failed === CLASS) this.managementClass[d.managementClass]!++;
    if (failed === -1 || failed === AUTHORITY) this.authority[d.authority]!++;
    if (failed === -1 || failed === STATUS) this.status[status]!++;
  }

  facets(): FacetCounts {
    const out = emptyFacets();
    this.family.forEach((n, i) => n > 0 && (out.family[FAMILIES[i]!] = n));
    this.managementClass.forEach((n, i) => n > 0 && (out.class[String(i)] = n));
    this.authority.forEach((n, i) => n > 0 && (out.authority[authorityAt(i)] = n));
    this.status.forEach((n, i) => n > 0 && (out.status[STATUSES[i]!] = n));
    return out;
  }
}
