import { CLASS, ch, DIGIT, LETTER, LOOKALIKE, lookalikeDigit, PLACEHOLDER, RUN_SEPARATOR, SPACE, SPACE_CLASS } from '../text/char-codes.ts';

/** Where a run of digits is recorded; a candidate is one. */
interface DigitRunTarget {
  /** The digits as read: placeholders appear as `x`, look-alike letters as their digit. */
  digits: string;
  /** Index after the last character consumed (`from` when no digit was). */
  coreEnd: number;
  /** Added to, as a legacy number reads two runs. */
  placeholders: number;
  /** Set when look-alike letters or separators were consumed; never cleared. */
  digitsNormalised: boolean;
  /** Set when look-alike letters were read as digits; never cleared. */
  lettersForDigits: boolean;
}

const SLASH = ch('/');

/**
 * Reads the digits that start at `from` (after any spaces). While fewer than `softLimit` digits
 * are read, spaces and the separators - / _ . · between digits are skipped; after that only
 * contiguous digits continue the run, so a space after a complete number ends it while a digit
 * typed once too often makes it overlong, for the caller to report.
 */
export function readDigitRun(text: string, from: number, softLimit: number, into: DigitRunTarget): void {
  const n = text.length;
  let i = from;
  while (i < n && text.charCodeAt(i) === SPACE) i++;
  const start = i;
  let built = ''; // the digits, once they are no longer a plain slice of the text
  let plain = true;
  let count = 0;
  let placeholders = 0;
  let normalised = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === DIGIT) {
      if (!plain) built += text[i];
      count++;
      i++;
      continue;
    }
    if (k === LOOKALIKE || k === PLACEHOLDER) {
      const stop = symbolRunEnd(text, i, count > 0);
      if (stop < 0) break;
      if (plain) built = text.slice(start, i);
      plain = false;
      for (; i < stop; i++) {
        const s = text.charCodeAt(i);
        if (CLASS[s] === PLACEHOLDER) {
          built += 'x';
          placeholders++;
        } else {
          built += lookalikeDigit(s);
          normalised = true;
          into.lettersForDigits = true;
        }
        count++;
      }
      continue;
    }
    if (count > 0 && count < softLimit && (k === SPACE_CLASS || k === RUN_SEPARATOR || c === SLASH)) {
      const resume = digitsAfterBreak(text, i);
      if (resume < 0) break;
      if (plain) built = text.slice(start, i);
      plain = false;
      for (let j = i; j < resume; j++) if (text.charCodeAt(j) !== SPACE) normalised = true;
      i = resume;
      continue;
    }
    break;
  }
  into.digits = plain ? text.slice(start, i) : built;
  // Spaces before a run that never started belong to whatever comes next.
  into.coreEnd = count === 0 ? from : i;
  into.placeholders += placeholders;
  if (normalised) into.digitsNormalised = true;
}

/**
 * Where digits resume after spaces and separators starting at `i`, or -1 if they do not: the
 * separators of `2023-312/3456` are dropped, the space of `2017 2010123` too.
 */
function digitsAfterBreak(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const k = CLASS[text.charCodeAt(j)];
    if (k !== SPACE_CLASS && k !== RUN_SEPARATOR && text.charCodeAt(j) !== SLASH) break;
    j++;
  }
  return startsDigits(text, j, true) ? j : -1;
}

/** Whether a run of digits (or of digit-like symbols that count as digits here) starts at `i`. */
export function startsDigits(text: string, i: number, inRun: boolean): boolean {
  if (i >= text.length) return false;
  const k = CLASS[text.charCodeAt(i)];
  if (k === DIGIT) return true;
  return (k === LOOKALIKE || k === PLACEHOLDER) && symbolRunEnd(text, i, inRun) >= 0;
}

/**
 * The end of the run of look-alike letters and placeholders starting at `i`, or -1 when the run is
 * part of a word (touches another letter) or, outside a digit run, is not followed by a digit and
 * contains look-alikes: `Olympus` after a number is text, `2017201O123` is a number.
 */
function symbolRunEnd(text: string, i: number, inRun: boolean): number {
  const n = text.length;
  if (i > 0 && CLASS[text.charCodeAt(i - 1)] === LETTER) return -1;
  let j = i;
  let lookalikes = false;
  for (; j < n; j++) {
    const k = CLASS[text.charCodeAt(j)];
    if (k === LOOKALIKE) lookalikes = true;
    else if (k !== PLACEHOLDER) break;
  }
  if (j < n && CLASS[text.charCodeAt(j)] === LETTER) return -1;
  if (!inRun && lookalikes && !(j < n && CLASS[text.charCodeAt(j)] === DIGIT)) return -1;
  return j;
}
