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

/**
 * Reads `{A}{city}械备{YYYY}{S…}` around the keyword at `keywordAt` (械, or 备 when 械 was left out);
 * `afterBei` is the index after 备, or after 械 when 备 was left out. `missing` names the character
 * left out. Null for prose such as `器械备案`; a prefix short of a character counts only with a
 * known authority and a whole run of filing digits, so `医疗器械2018年` stays prose.
 */
export function parseFiling(text: string, keywordAt: number, afterBei: number, floor: number, missing = ''): Candidate | null {
  const i = skipSpaces(text, afterBei);
  const digits = startsDigits(text, i, false);
  if (missing !== '' && !digits) return null;
  if (!digits && i < text.length && !isBoundary(text.charCodeAt(i))) return null;
  const cand = newCandidate('filing', keywordAt);
  cand.missing = missing;
  readAuthority(text, keywordAt, floor, true, cand);
  if (missing !== '' && cand.authorityStatus !== 'ok') return null;
  readDigitRun(text, i, FILING_MIN_DIGITS, cand);
  if (missing !== '' && (cand.digits.length < FILING_MIN_DIGITS || cand.digits.length > FILING_MAX_DIGITS)) return null;
  readTail(text, cand.coreEnd, cand);
  return cand;
}
