import { CE, isBoundary, isCjk } from '../text/char-codes.ts';
import { readAuthority } from './authority-prefix.ts';
import { type Candidate, newCandidate } from './candidate.ts';
import { skipSpaces } from './cursor.ts';
import { readDigitRun, startsDigits } from './digit-run.ts';
import { formOf } from './form.ts';
import { readTail } from './number-tail.ts';

export const REGISTRATION_DIGITS = 11;

/**
 * Reads `{A}械注{F}{11 digits}` around the keyword at `keywordAt` (械, or 注 when 械 was left out,
 * which `missing` then names); `afterZhu` is the index after 注 (at the form when 注 was left out).
 * Returns null when this is prose (`医疗器械注册证`) rather than a number. A form character that
 * is wrong (`淮` for `准`) still yields a candidate, with form null, when digits follow; one that
 * is missing is recorded as such. A prefix already short of one character must be otherwise
 * whole, with a known authority and digits right after it, or it is read as prose.
 */
export function parseRegistration(text: string, keywordAt: number, afterZhu: number, floor: number, missing = ''): Candidate | null {
  let i = skipSpaces(text, afterZhu);
  const c = text.charCodeAt(i);
  const form = formOf(c);
  let formMissing = false;
  if (form !== null) {
    i = skipSpaces(text, i + 1);
    const digits = startsDigits(text, i, false);
    if (missing !== '' && !digits) return null;
    if (!digits && i < text.length && !isBoundary(text.charCodeAt(i))) return null;
  } else {
    if (c === CE || missing !== '') return null;
    if (isCjk(c)) i = skipSpaces(text, i + 1);
    else formMissing = true;
    if (!startsDigits(text, i, false)) return null;
  }
  const cand = newCandidate('registration', keywordAt);
  cand.form = form;
  cand.missing = formMissing ? '准' : missing;
  readAuthority(text, keywordAt, floor, false, cand);
  if (missing !== '' && cand.authorityStatus !== 'ok') return null;
  readDigitRun(text, i, REGISTRATION_DIGITS, cand);
  readTail(text, cand.coreEnd, cand);
  return cand;
}
