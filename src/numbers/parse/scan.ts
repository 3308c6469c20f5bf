import { validate } from '../rules/validate.ts';
import { BEI, FORM_JIN, FORM_XU, FORM_ZHUN, GUAN, isBoundary, JIAN, XIE, ZHU } from '../text/char-codes.ts';
import type { Candidate } from './candidate.ts';
import { prevNonSpace, skipSpaces } from './cursor.ts';
import { parseFiling } from './parse-filing.ts';
import { parseLegacy } from './parse-legacy.ts';
import { parseOtherLicence } from './parse-other-licence.ts';
import { parseRegistration } from './parse-registration.ts';

/**
 * Characters a number's prefix is found from: 械, which every family has, and for a prefix typed
 * without its 械 (`粤注准…`, `粤穗备…`, `粤食药监(准)字…`) the keyword after where it belongs.
 */
const ANCHOR = new Uint8Array(0x10000);
for (const code of [XIE, ZHU, BEI, JIAN, GUAN]) ANCHOR[code] = 1;
/** Just before licences whose 备 is not a filing's: 生产备, 经营备, 妆备. */
const NOT_FILING_BEFORE_BEI = new Set(['产', '营', '妆'].map((s) => s.charCodeAt(0)));

/**
 * Finds the number-shaped candidates in cleaned text, valid or not, one at a time and in order.
 * Every family has 械 in its prefix, so the scan goes from one anchor (械, or the keyword of a prefix
 * typed without it) to the next, no regular expression, and reads the prefix backwards and the
 * digits forwards from there. A candidate's
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
      const at = nextAnchor(text, this.from);
      if (at < 0) return null;
      const cand = text.charCodeAt(at) === XIE ? parseAt(text, at, this.floor) : parseWithoutXie(text, at, this.floor);
      if (cand === null) {
        this.from = at + 1;
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

function nextAnchor(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (ANCHOR[text.charCodeAt(i)] === 1) return i;
  return -1;
}

/**
 * A prefix typed without its 械, read from the keyword at `at`: `{A}注{F}`, `{A}{city}备`, or
 * `药监`/`药管` followed by the form. A keyword next to a 械 belongs to the 械's reading.
 */
function parseWithoutXie(text: string, at: number, floor: number): Candidate | null {
  const code = text.charCodeAt(at);
  const before = prevNonSpace(text, at - 1, floor);
  if (before >= 0 && text.charCodeAt(before) === XIE) return null;
  if (code === ZHU) return parseRegistration(text, at, at + 1, floor, '械');
  if (code === BEI) {
    if (before >= 0 && NOT_FILING_BEFORE_BEI.has(text.charCodeAt(before))) return null;
    return parseFiling(text, at, at + 1, floor, '械');
  }
  if (text.charCodeAt(skipSpaces(text, at + 1)) === XIE) return null;
  return parseLegacy(text, at, at, floor, '械');
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
  // One keyword left out: `粤械准…` lacks 注, `粤穗械2018…` lacks 备.
  if (keyword === FORM_ZHUN || keyword === FORM_JIN || keyword === FORM_XU) return parseRegistration(text, xie, next, floor, '注');
  return parseFiling(text, xie, next, floor, '备');
}
