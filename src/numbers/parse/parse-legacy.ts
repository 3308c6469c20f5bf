import { CLOSE, DI, JIAN, OPEN, SHI, YAO, ZI } from '../text/char-codes.ts';
import { readAuthority } from './authority-prefix.ts';
import { type Candidate, newCandidate } from './candidate.ts';
import { prevNonSpace, skipSpaces } from './cursor.ts';
import { readDigitRun } from './digit-run.ts';
import { formOf } from './form.ts';
import { readTail } from './number-tail.ts';

export const LEGACY_YEAR_DIGITS = 4;
export const LEGACY_TAIL_DIGITS = 7;

/**
 * Reads `{A}(食)药监械({F})字{YYYY}第{C}{NN}{SSSS}号` (药管 for the 2000 format) around the 械 at
 * `xie`, whose preceding 监 or 管 is at `agency` (`xie` is `agency` itself when 械 was left out,
 * which `missing` then names). Brackets, 第 and 号 may be missing; 字 may not. A missing form
 * (`药监械字`) is recorded as such. Returns null when the text around is not a legacy number; a
 * prefix short of two characters, or short of one without a known authority, is not one either.
 */
export function parseLegacy(text: string, xie: number, agency: number, floor: number, missing = ''): Candidate | null {
  const yao = prevNonSpace(text, agency - 1, floor);
  if (yao < 0 || text.charCodeAt(yao) !== YAO) return null;
  const shiAt = prevNonSpace(text, yao - 1, floor);
  const shi = shiAt >= 0 && text.charCodeAt(shiAt) === SHI;

  let i = skipSpaces(text, xie + 1);
  const bracketed = text.charCodeAt(i) === OPEN;
  if (bracketed) i = skipSpaces(text, i + 1);
  const form = formOf(text.charCodeAt(i));
  if (form !== null) i = skipSpaces(text, i + 1);
  else if (missing !== '') return null;
  if (text.charCodeAt(i) === CLOSE) i = skipSpaces(text, i + 1);
  if (text.charCodeAt(i) !== ZI) return null;

  const cand = newCandidate(text.charCodeAt(agency) === JIAN ? 'legacy2004' : 'legacy2000', shi ? shiAt : yao);
  cand.form = form;
  cand.missing = form === null ? '准' : missing;
  cand.shi = shi;
  cand.bracketed = bracketed;
  readAuthority(text, cand.start, floor, true, cand);
  if (missing !== '' && cand.authorityStatus !== 'ok') return null;
  readYearAndTail(text, i + 1, cand);
  readTail(text, cand.coreEnd, cand);
  return cand;
}

/**
 * The year, then the 7 digits after 第. Without 第 the two may run together (`字20132210203`), so
 * a long first run is split after the year unless a 第 follows it, in which case the year itself
 * is overlong.
 */
function readYearAndTail(text: string, from: number, cand: Candidate): void {
  readDigitRun(text, from, LEGACY_YEAR_DIGITS, cand);
  const year = cand.digits;
  const next = skipSpaces(text, cand.coreEnd);
  if (text.charCodeAt(next) === DI) {
    cand.head = year;
    readDigitRun(text, next + 1, LEGACY_TAIL_DIGITS, cand);
  } else if (year.length > LEGACY_YEAR_DIGITS) {
    cand.head = year.slice(0, LEGACY_YEAR_DIGITS);
    cand.digits = year.slice(LEGACY_YEAR_DIGITS);
  } else {
    cand.head = year;
    if (year.length > 0) readDigitRun(text, next, LEGACY_TAIL_DIGITS, cand);
  }
}
