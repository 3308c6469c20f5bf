import type { CertificateStatus } from '../certificates/certificate-status.ts';
import { AUTHORITIES, NATIONAL_ABBR } from '../numbers/reference/authorities.ts';
import type { Family, ManagementClass } from '../numbers/number.types.ts';

/**
 * The embedded index's row id is not the certificate id: it carries the certificate's facets above
 * it, so that counting hits, counting facets and filtering read nothing but the FTS doclists.
 * Joining 100,000 hits to another table costs 0.3–0.7 µs a row; decoding bits costs nothing.
 *
 *   rowid = code · 2^28 + certificate id
 *   code  = family (2 bits) | class (2) | authority (6) | expiry day (16) | year (7)   high → low
 *
 * Rows come back in rowid order, so descending order is also the order of hits within a tier:
 * registrations before filings before legacy numbers, class III before II before I, national
 * before Guangdong before other provinces, the latest expiry first.
 */
export const ID_BITS = 28;
export const MAX_CERTIFICATE_ID = 2 ** ID_BITS - 1;

const YEAR_BITS = 7;
const EXPIRY_BITS = 16;
const AUTHORITY_BITS = 6;
/** Bits below the class field: year, expiry and authority. */
const LOW_BITS = YEAR_BITS + EXPIRY_BITS + AUTHORITY_BITS;
const LOW_SPAN = 2 ** LOW_BITS;

/** Shifts of each field within the rowid, for SQL filters. */
export const ROWID_SHIFT = {
  year: ID_BITS,
  expiry: ID_BITS + YEAR_BITS,
  authority: ID_BITS + YEAR_BITS + EXPIRY_BITS,
  class: ID_BITS + LOW_BITS,
  family: ID_BITS + LOW_BITS + 2,
} as const;

export const FIELD_MASK = { year: 127, expiry: 65_535, authority: 63, class: 3 } as const;

export const FAMILIES: readonly Family[] = ['legacy2000', 'legacy2004', 'filing', 'registration'];
export const FILING_INDEX = FAMILIES.indexOf('filing');

/** Authority index 0 is reserved for an abbreviation outside the list (the engine rejects those). */
const AUTHORITY_ORDER: readonly string[] = [
  NATIONAL_ABBR,
  '粤',
  ...AUTHORITIES.map((a) => a.abbr).filter((abbr) => abbr !== NATIONAL_ABBR && abbr !== '粤'),
];
const AUTHORITY_INDEX = new Map(AUTHORITY_ORDER.map((abbr, i) => [abbr, 63 - i]));
export const OTHER_AUTHORITY = 'other';

export function authorityIndex(abbr: string): number {
  return AUTHORITY_INDEX.get(abbr) ?? 0;
}

export function authorityAt(index: number): string {
  return index === 0 ? OTHER_AUTHORITY : (AUTHORITY_ORDER[63 - index] ?? OTHER_AUTHORITY);
}

const YEAR_BASE = 1990;
const DAY_MS = 86_400_000;
const EPOCH_DAY = Date.UTC(YEAR_BASE, 0, 1) / DAY_MS;

/** Days since 1990-01-01, plus one so that 0 can mean "no expiry known"; 0 for a malformed date. */
export function dayKey(isoDate: string | null | undefined): number {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return 0;
  const day = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
  return Math.min(Math.max(day - EPOCH_DAY + 1, 1), FIELD_MASK.expiry);
}

export function yearOffset(year: number): number {
  return Math.min(Math.max(year - YEAR_BASE, 0), FIELD_MASK.year);
}

export function yearAt(offset: number): number {
  return offset + YEAR_BASE;
}

export interface DocFacets {
  family: string;
  managementClass: number;
  authority: string;
  expiryDate: string | null;
  year: number;
}

/** The facet code of a certificate (below 2^33, so a safe JavaScript integer). */
export function encodeCode(doc: DocFacets): number {
  const family = Math.max(FAMILIES.indexOf(doc.family as Family), 0);
  const cls = doc.managementClass & 3;
  const low =
    authorityIndex(doc.authority) * 2 ** (YEAR_BITS + EXPIRY_BITS) + dayKey(doc.expiryDate) * 2 ** YEAR_BITS + yearOffset(doc.year);
  return (family * 4 + cls) * LOW_SPAN + low;
}

export interface DecodedCode {
  family: number;
  managementClass: number;
  authority: number;
  expiryDay: number;
  yearOffset: number;
}

/** Decodes with arithmetic, not bit operators: the code is wider than 32 bits. */
export function decodeCode(code: number): DecodedCode {
  const high = Math.floor(code / LOW_SPAN);
  const low = code - high * LOW_SPAN;
  return {
    family: high >>> 2,
    managementClass: high & 3,
    authority: low >>> (YEAR_BITS + EXPIRY_BITS),
    expiryDay: (low >>> YEAR_BITS) & FIELD_MASK.expiry,
    yearOffset: low & FIELD_MASK.year,
  };
}

export const STATUSES: readonly CertificateStatus[] = ['valid', 'expired', 'filed', 'unknown'];

/** Same rule as `certificateStatus`, on the code: filings are filed, else expiry against today. */
export function statusIndex(family: number, expiryDay: number, todayKey: number): number {
  if (family === FILING_INDEX) return 2;
  if (expiryDay === 0) return 3;
  return expiryDay < todayKey ? 1 : 0;
}

export function managementClassAt(value: number): ManagementClass | null {
  return value === 1 || value === 2 || value === 3 ? value : null;
}
