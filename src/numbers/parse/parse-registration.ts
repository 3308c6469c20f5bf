import { CE, isBoundary, isCjk } from '../text/char-codes.ts';
import { readAuthority } from './authority-prefix.ts';
import { type Candidate, newCandidate } from './candidate.ts';
import { skipSpaces } from './cursor.ts';
import { readDigitRun, startsDigits } from './digit-run.ts';
import { formOf } from './form.ts';
import { readTail } from './number-tail.ts';

export const REGISTRATION_DIGITS = 11;

/**
 * Reads `{A}械注{F}{11 digits}` around the 械 at `xie`; `afterZhu` is the index after 注. Returns
 * null when this is prose (`医疗器械注册证`) rather than a number. A form character that is missing
 * or wrong (`淮` for `准`) still yields a candidate, with form null, when digits follow.
 */
export function parseRegistration(text: string, xie: number, afterZhu: number, floor: number): Candidate | null {
  let i = skipSpaces(text, afterZhu);
  const c = text.charCodeAt(i);
  const form = formOf(c);
  if (form !== null) {
    i = skipSpaces(text, i + 1);
    if (!startsDigits(text, i, false) && i < text.length && !isBoundary(text.charCodeAt(i))) return null;
  } else {
    if (c === CE) return null;
    if (isCjk(c)) i = skipSpaces(text, i + 1);
    if (!startsDigits(text, i, false)) return null;
  }
  const cand = newCandidate('registration', xie);
  cand.form = form;
  readAuthority(text, xie, floor, false, cand);
  readDigitRun(text, i, REGISTRATION_DIGITS, cand);
  readTail(text, cand.coreEnd, cand);
  return cand;
}
