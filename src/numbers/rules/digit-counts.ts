import { type Candidate, isLegacy, type Skeleton } from '../parse/candidate.ts';
import { FILING_MAX_DIGITS, FILING_MIN_DIGITS } from '../parse/parse-filing.ts';
import { LEGACY_TAIL_DIGITS, LEGACY_YEAR_DIGITS } from '../parse/parse-legacy.ts';
import { REGISTRATION_DIGITS } from '../parse/parse-registration.ts';

/**
 * How far a part of a number is from a valid length: 0 when it fits, else the number of digits
 * to add (negative) or remove (positive) to the nearest valid length.
 */
function lengthExcess(length: number, min: number, max: number): number {
  return length < min ? length - min : length > max ? length - max : 0;
}

/** The excess of the main digit run (after the prefix, or after 第). */
export function digitsExcess(sk: Skeleton): number {
  const n = sk.digits.length;
  switch (sk.kind) {
    case 'registration':
      return n - REGISTRATION_DIGITS;
    case 'filing':
      return lengthExcess(n, FILING_MIN_DIGITS, FILING_MAX_DIGITS);
    case 'legacy2004':
    case 'legacy2000':
      return n - LEGACY_TAIL_DIGITS;
    case 'other_licence':
      return 0;
  }
}

/** The excess of a legacy number's year; 0 for other families, whose year is inside `digits`. */
export function headExcess(sk: Skeleton): number {
  return isLegacy(sk.kind) ? sk.head.length - LEGACY_YEAR_DIGITS : 0;
}

export function digitCountsFit(c: Candidate): boolean {
  return digitsExcess(c) === 0 && headExcess(c) === 0;
}

/** Expected digit counts as shown in messages. */
export function expectedDigitsLabel(sk: Skeleton): string {
  switch (sk.kind) {
    case 'registration':
      return String(REGISTRATION_DIGITS);
    case 'filing':
      return `${FILING_MIN_DIGITS}–${FILING_MAX_DIGITS}`;
    default:
      return `${LEGACY_YEAR_DIGITS} + ${LEGACY_TAIL_DIGITS}`;
  }
}
