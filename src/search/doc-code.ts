import type { CertificateStatus } from '../certificates/certificate-status.ts';
import type { Family, ManagementClass } from '../numbers/number.types.ts';
import { AUTHORITIES, NATIONAL_ABBR } from '../numbers/reference/authorities.ts';

/**
 * The embedded index's row id is not the certificate id: it carries the certificate's facets above
 * it, so that counting hits, counting facets and filtering read nothing but the FTS doclists.
 * Joining 100,000 hits to another table costs 0.3–0.7 µs a row; decoding bits costs nothing.
 *
 *   rowid = code · 2^28 + certificate id
 *   code  = family (2 bits) | class (2) | authority (6) | expiry (16) | year (7)   high → low
 *
 * Each field is stored as a key that sorts the way hits should come within a tier, so ascending
 * row id order — the order FTS5 reads cheaply and can stop early in — is the ranking order:
 * registrations before filings before legacy numbers, class III before II before I, national before
 * Guangdong before other provinces, the latest expiry first, the newest year first.
 */
export const ID_BITS = 28;
export const MAX_CERTIFICATE_ID = 2 ** ID_BITS - 1;

const YEAR_BITS = 7;
const EXPIRY_BITS = 16;
const AUTHORITY_BITS = 6;
/** Bits below the class field: year, expiry and authority. */
const LOW_BITS = YEAR_BITS + EXPIRY_BITS + AUTHORITY_BITS;
export const LOW_SPAN = 2 ** LOW_BITS;
export const AUTHORITY_SHIFT = YEAR_BITS + EXPIRY_BITS;

/** Shifts of each field within the row id, for SQL filters. */
export const ROWID_SHIFT = {
  year: ID_BITS,
  expiry: ID_BITS + YEAR_BITS,
  authority: ID_BITS + AUTHORITY_SHIFT,
  class: ID_BITS + LOW_BITS,
  family: ID_BITS + LOW_BITS + 2,
} as const;

export const FIELD_MASK = { year: 127, expiry: 65_535, authority: 63, class: 3, family: 3 } as const;

/** Family keys, best first. */
export const FAMILY_ORDER: readonly Family[] = ['registration', 'filing', 'legacy2004', 'legacy2000'];
export const FILING_KEY = FAMILY_ORDER.indexOf('filing');

/** Authority keys, best first; key 63 is an abbreviation outside the list (the engine rejects those). */
const AUTHORITY_ORDER: readonly string[] = [
  NATIONAL_ABBR,
  '粤',
  ...AUTHORITIES.map((a) => a.abbr).filter((abbr) => abbr !== NATIONAL_ABBR && abbr !== '粤'),
];
const AUTHORITY_KEY = new Map(AUTHORITY_ORDER.map((abbr, i) => [abbr, i]));
const OTHER_AUTHORITY = 'other';
const OTHER_AUTHORITY_KEY = FIELD_MASK.authority;

export function familyKey(family: string): number {
  const key = FAMILY_ORDER.indexOf(family as Family);
  return key < 0 ? FIELD_MASK.family : key;
}

export function classKey(managementClass: number): number {
  return managementClass >= 1 && managementClass <= 3 ? 3 - managementClass : FIELD_MASK.class;
}

export function classAt(key: number): ManagementClass | null {
  const value = 3 - key;
  return value === 1 || value === 2 || value === 3 ? value : null;
}

export function authorityKey(abbr: string): number {
  return AUTHORITY_KEY.get(abbr) ?? OTHER_AUTHORITY_KEY;
}

export function authorityAt(key: number): string {
  return AUTHORITY_ORDER[key] ?? OTHER_AUTHORITY;
}

const YEAR_BASE = 1990;
const DAY_MS = 86_400_000;
const EPOCH_DAY = Date.UTC(YEAR_BASE, 0, 1) / DAY_MS;

/** Days since 1990-01-01, plus one so that 0 can mean "no expiry known"; 0 for a malformed date. */
export function dayKey(isoDate: string | null | undefined): number {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return 0;
  const day = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
  return Math.min(Math.max(day - EPOCH_DAY + 1, 1), FIELD_MASK.expiry - 1);
}

/** The latest expiry sorts first; no expiry at all sorts last (the key FIELD_MASK.expiry). */
function expiryKey(isoDate: string | null | undefined): number {
  return FIELD_MASK.expiry - dayKey(isoDate);
}

/**
 * The largest expiry key still valid today: a certificate is valid when its expiry is today or
 * later, that is when its key is at most this.
 */
export function validUpToKey(today: string): number {
  return FIELD_MASK.expiry - dayKey(today);
}

/** The newest year sorts first. */
export function yearKey(year: number): number {
  return FIELD_MASK.year - Math.min(Math.max(year - YEAR_BASE, 0), FIELD_MASK.year);
}

interface DocFacets {
  family: string;
  managementClass: number;
  authority: string;
  expiryDate: string | null;
  year: number;
}

/** The facet code of a certificate (below 2^33, so a safe JavaScript integer). */
export function encodeCode(doc: DocFacets): number {
  const high = familyKey(doc.family) * 4 + classKey(doc.managementClass);
  const low = authorityKey(doc.authority) * 2 ** AUTHORITY_SHIFT + expiryKey(doc.expiryDate) * 2 ** YEAR_BITS + yearKey(doc.year);
  return high * LOW_SPAN + low;
}

export const STATUSES: readonly CertificateStatus[] = ['valid', 'expired', 'filed', 'unknown'];
export const STATUS_INDEX = { valid: 0, expired: 1, filed: 2, unknown: 3 } as const;

/** Same rule as `certificateStatus`, on the keys: filings are filed, else the expiry against today. */
export function statusIndex(family: number, expiry: number, validUpTo: number): number {
  if (family === FILING_KEY) return STATUS_INDEX.filed;
  if (expiry === FIELD_MASK.expiry) return STATUS_INDEX.unknown;
  return expiry <= validUpTo ? STATUS_INDEX.valid : STATUS_INDEX.expired;
}
