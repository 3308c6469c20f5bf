import { BEI, GUAN, JIAN, XIE, ZHU, isBoundary } from '../text/char-codes.ts';
import { validate } from '../rules/validate.ts';
import type { Candidate } from './candidate.ts';
import { prevNonSpace, skipSpaces } from './cursor.ts';
import { parseFiling } from './parse-filing.ts';
import { parseLegacy } from './parse-legacy.ts';
import { parseOtherLicence } from './parse-other-licence.ts';
import { parseRegistration } from './parse-registration.ts';

const XIE_CHAR = String.fromCharCode(XIE);

/**
 * Finds every number-shaped candidate in cleaned text, valid or not, in order. Every family has
 * 械 in its prefix, so the scan jumps from one 械 to the next (indexOf, no regular expression) and
 * reads the prefix backwards and the digits forwards from there. A candidate's end is the floor
 * for the next one's prefix, which splits concatenated numbers without any separator. Each
 * character is looked at a bounded number of times, so the time is linear in the input.
 */
export function scanCandidates(text: string, currentYear: number): Candidate[] {
  const found: Candidate[] = [];
  let floor = 0;
  let from = 0;
  for (;;) {
    const xie = text.indexOf(XIE_CHAR, from);
    if (xie < 0) break;
    const cand = parseAt(text, xie, floor);
    if (cand === null) {
      from = xie + 1;
      continue;
    }
    cand.reason = validate(cand, currentYear);
    found.push(cand);
    floor = from = cand.end;
  }
  markCutText(text, found);
  return found;
}

function parseAt(text: string, xie: number, floor: number): Candidate | null {
  const next = skipSpaces(text, xie + 1);
  const other = parseOtherLicence(text, xie, next, floor);
  if (other !== null) return other;
  const before = prevNonSpace(text, xie - 1, floor);
  const agency = before < 0 ? -1 : text.charCodeAt(before);
  if (agency === JIAN || agency === GUAN) return parseLegacy(text, xie, before, floor);
  const keyword = text.charCodeAt(next);
  if (keyword === ZHU) return parseRegistration(text, xie, next + 1, floor);
  if (keyword === BEI) return parseFiling(text, xie, next + 1, floor);
  return null;
}

/** Text glued to a number (`注册证号:粤械注准…`, `…号+变更文件`) that is neither a separator nor another number. */
function markCutText(text: string, found: Candidate[]): void {
  for (let k = 0; k < found.length; k++) {
    const cand = found[k]!;
    const prevEnd = k > 0 ? found[k - 1]!.end : -1;
    const nextStart = k + 1 < found.length ? found[k + 1]!.start : -1;
    cand.leadingText = cand.start > 0 && cand.start !== prevEnd && !isBoundary(text.charCodeAt(cand.start - 1));
    cand.trailingText = cand.end < text.length && cand.end !== nextStart && !isBoundary(text.charCodeAt(cand.end));
  }
}
