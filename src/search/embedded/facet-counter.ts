import {
  AUTHORITY_SHIFT,
  authorityAt,
  authorityKey,
  classAt,
  classKey,
  FAMILY_ORDER,
  FIELD_MASK,
  familyKey,
  LOW_SPAN,
  STATUS_INDEX,
  STATUSES,
  statusIndex,
  validUpToKey,
  yearKey,
} from '../doc-code.ts';
import { emptyFacets, type FacetCounts, type SearchFilters } from '../search.types.ts';

/** The filters as keys of a facet code (`doc-code.ts`); -1 means "any". */
export interface CodeFilter {
  family: number;
  managementClass: number;
  authority: number;
  status: number;
  /** Year keys run backwards (newest first): yearFrom gives the upper bound. */
  yearKeyMin: number;
  yearKeyMax: number;
  validUpTo: number;
}

export function codeFilter(filters: SearchFilters, today: string): CodeFilter {
  return {
    family: filters.family ? familyKey(filters.family) : -1,
    managementClass: filters.managementClass ? classKey(filters.managementClass) : -1,
    authority: filters.authority ? authorityKey(filters.authority) : -1,
    status: filters.status ? STATUS_INDEX[filters.status] : -1,
    yearKeyMin: filters.yearTo === undefined ? 0 : yearKey(filters.yearTo),
    yearKeyMax: filters.yearFrom === undefined ? FIELD_MASK.year : yearKey(filters.yearFrom),
    validUpTo: validUpToKey(today),
  };
}

// Which facet a single failing filter belongs to.
const PASSES = -1;
const FAMILY = 0;
const CLASS = 1;
const AUTHORITY = 2;
const STATUS = 3;
/** Outside the years, or failing two filters or more: counted nowhere. */
const NOWHERE = -2;

/**
 * Counts hits and facets from facet codes, one code per hit, with disjunctive facets: a hit that
 * fails only the authority filter still counts under its authority, so the authority facet shows
 * what picking another authority would give. Called once per hit from inside SQLite, so it decodes
 * with arithmetic into locals and allocates nothing.
 */
export class FacetCounter {
  total = 0;
  private readonly family = new Float64Array(4);
  private readonly managementClass = new Float64Array(4);
  private readonly authority = new Float64Array(64);
  private readonly status = new Float64Array(4);

  constructor(private readonly filter: CodeFilter) {}

  add(code: number): void {
    const high = Math.floor(code / LOW_SPAN);
    const low = code - high * LOW_SPAN;
    const family = high >>> 2;
    const cls = high & 3;
    const authority = low >>> AUTHORITY_SHIFT;
    const expiry = (low >>> 7) & FIELD_MASK.expiry;
    const year = low & FIELD_MASK.year;
    const status = statusIndex(family, expiry, this.filter.validUpTo);
    const failed = failedFacet(this.filter, family, cls, authority, status, year);
    if (failed === NOWHERE) return;
    if (failed === PASSES) this.total++;
    if (failed === PASSES || failed === FAMILY) this.family[family]!++;
    if (failed === PASSES || failed === CLASS) this.managementClass[cls]!++;
    if (failed === PASSES || failed === AUTHORITY) this.authority[authority]!++;
    if (failed === PASSES || failed === STATUS) this.status[status]!++;
  }

  /** Whether a code passes every filter, counted or not. */
  passes(code: number): boolean {
    const probe = new FacetCounter(this.filter);
    probe.add(code);
    return probe.total === 1;
  }

  facets(): FacetCounts {
    const out = emptyFacets();
    for (const [key, n] of this.family.entries()) if (n > 0) out.family[FAMILY_ORDER[key] ?? 'other'] = n;
    for (const [key, n] of this.managementClass.entries()) if (n > 0) out.class[String(classAt(key) ?? 'other')] = n;
    for (const [key, n] of this.authority.entries()) if (n > 0) out.authority[authorityAt(key)] = n;
    for (const [index, n] of this.status.entries()) if (n > 0) out.status[STATUSES[index]!] = n;
    return out;
  }
}

/** PASSES when every filter passes; the facet when exactly that one fails; else NOWHERE. */
function failedFacet(f: CodeFilter, family: number, cls: number, authority: number, status: number, year: number): number {
  if (year < f.yearKeyMin || year > f.yearKeyMax) return NOWHERE;
  let misses = 0;
  let missed = PASSES;
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
  return misses > 1 ? NOWHERE : missed;
}
