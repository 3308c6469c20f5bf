import type { ParsedNumber } from './number.types.ts';

/**
 * A key shared by registration numbers that differ only in their two-digit classification code
 * (`粤械注准20172__0123`): renewals of 2014–2018 numbers may have been re-coded to the 2017
 * catalogue, so a miss on one code should offer the others as probable matches (docs/numbers.md §2).
 * null for other families.
 */
export function recodeKey(n: ParsedNumber): string | null {
  if (n.family !== 'registration' || n.form === null) return null;
  return `${n.authority}械注${n.form}${n.year}${n.class}__${n.serial}`;
}
