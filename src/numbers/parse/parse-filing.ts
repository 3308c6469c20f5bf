import { isBoundary } from '../text/char-codes.ts';
import { readAuthority } from './authority-prefix.ts';
import { type Candidate, newCandidate } from './candidate.ts';
import { skipSpaces } from './cursor.ts';
import { readDigitRun, startsDigits } from './digit-run.ts';
import { readTail } from './number-tail.ts';

/** A filing is a 4-digit year and a serial of at least 4 digits. */
export const FILING_MIN_DIGITS = 8;
/**
 * docs/numbers.md gives no upper bound on the serial; 8 digits (a hundred million filings a year) is
 * beyond any real authority and keeps a pasted barcode from reading as a filing.
 */
export const FILING_MAX_DIGITS = 12;

/** Reads `{A}{city}械备{YYYY}{S…}` around the 械 at `xie`; null for prose such as `器械备案`. */
export function parseFiling(text: string, xie: number, afterBei: number, floor: number): Candidate | null {
  const i = skipSpaces(text, afterBei);
  if (!startsDigits(text, i, false) && i < text.length && !isBoundary(text.charCodeAt(i))) return null;
  const cand = newCandidate('filing', xie);
  readAuthority(text, xie, floor, true, cand);
  readDigitRun(text, i, FILING_MIN_DIGITS, cand);
  readTail(text, cand.coreEnd, cand);
  return cand;
}
