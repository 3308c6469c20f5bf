import type { Family } from '../number.types.ts';
import { isLegacy } from '../parse/candidate.ts';

/** The first year a number of each family may carry (docs/numbers.md §1). */
export function firstYear(family: Family): number {
  return family === 'legacy2000' ? 2000 : family === 'legacy2004' ? 2004 : 2014;
}

/** The last year a number of each family may carry: registrations and filings are still issued. */
export function lastYear(family: Family, currentYear: number): number {
  return family === 'legacy2000' ? 2004 : family === 'legacy2004' ? 2014 : currentYear;
}

/** The year a number's digits carry: its first four digits, or a legacy number's head; NaN if unreadable. */
export function yearOf(kind: Family, head: string, digits: string): number {
  const s = isLegacy(kind) ? head : digits;
  if (s.length < 4) return Number.NaN;
  return (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
}
