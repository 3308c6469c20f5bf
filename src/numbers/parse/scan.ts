import { validate } from '../rules/validate.ts';
import { BEI, GUAN, isBoundary, JIAN, XIE, ZHU } from '../text/char-codes.ts';
import type { Candidate } from './candidate.ts';
import { prevNonSpace, skipSpaces } from './cursor.ts';
import { parseFiling } from './parse-filing.ts';
import { parseLegacy } from './parse-legacy.ts';
import { parseOtherLicence } from './parse-other-licence.ts';
import { parseRegistration } from './parse-registration.ts';

const XIE_CHAR = String.fromCharCode(XIE);

/**
 * Finds the number-shaped candidates in cleaned text, valid or not, one at a time and in order.
 * Every family has 械 in its prefix, so the scan jumps from one 械 to the next (indexOf, no regular
 * expression) and reads the prefix backwards and the digits forwards from there. A candidate's
 * end is the floor for the next one's prefix, which splits numbers typed without a separator.
 * Each character is looked at a bounded number of times, so the time is linear in the input, and
 * candidates are handed out as they are found so that a long input does not keep them all alive.
 */
export class CandidateScanner {
  private from = 0;
  private floor = 0;
  private pending: Candidate | null;

  constructor(
    private readonly text: string,
    private readonly currentYear: number,
  ) {
    this.pending = this.find();
  }

  /** The next candidate, with its reason (null when valid) and its cut-text marks set; null at the end. */
  next(): Candidate | null {
    const current = this.pending;
    if (current === null) return null;
    this.pending = this.find();
    const text = this.text;
    // Text glued after a number (`…号+变更文件`) that is neither a separator nor the next number.
    current.trailingText = current.end < text.length && current.end !== this.pending?.start && !isBoundary(text.charCodeAt(current.end));
    return current;
  }

  private find(): Candidate | null {
    const text = this.text;
    for (;;) {
      const xie = text.indexOf(XIE_CHAR, this.from);
      if (xie < 0) return null;
      const cand = parseAt(text, xie, this.floor);
      if (cand === null) {
        this.from = xie + 1;
        continue;
      }
      cand.reason = validate(cand, this.currentYear);
      // Text glued before a number (`注册证号:粤械注准…`) that the previous number did not end at.
      cand.leadingText = cand.start > 0 && cand.start !== this.floor && !isBoundary(text.charCodeAt(cand.start - 1));
      this.floor = this.from = cand.end;
      return cand;
    }
  }
}

/** Every candidate in cleaned text, for callers that want them all at once. */
export function scanCandidates(text: string, currentYear: number): Candidate[] {
  const scanner = new CandidateScanner(text, currentYear);
  const found: Candidate[] = [];
  for (let c = scanner.next(); c !== null; c = scanner.next()) found.push(c);
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
