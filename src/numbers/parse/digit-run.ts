import {
  CLASS,
  DIGIT,
  LETTER,
  LIST_SEPARATOR,
  LOOKALIKE,
  PLACEHOLDER,
  RUN_SEPARATOR,
  SPACE,
  SPACE_CLASS,
  ch,
  lookalikeDigit,
} from '../text/char-codes.ts';

/** A run of digits as read: placeholders appear as `x`, look-alike letters as their digit. */
export interface DigitRun {
  digits: string;
  /** Index after the last character consumed. */
  end: number;
  placeholders: number;
  /** Look-alike letters or separators were consumed. */
  normalised: boolean;
}

const SLASH = ch('/');

/**
 * Reads the digits that start at `from` (after any spaces). While fewer than `softLimit` digits
 * are read, spaces and the separators - / _ . · between digits are skipped; after that only
 * contiguous digits continue the run, so a space after a complete number ends it while a digit
 * typed once too often makes it overlong, for the caller to report.
 */
export function readDigitRun(text: string, from: number, softLimit: number): DigitRun {
  const n = text.length;
  let i = from;
  while (i < n && text.charCodeAt(i) === SPACE) i++;
  const start = i;
  let built = ''; // the digits, once they are no longer a plain slice of the text
  let plain = true;
  let count = 0;
  let placeholders = 0;
  let normalised = false;
  const leavePlain = (): void => {
    if (plain) {
      built = text.slice(start, i);
      plain = false;
    }
  };
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
      leavePlain();
      for (; i < stop; i++) {
        const s = text.charCodeAt(i);
        if (CLASS[s] === PLACEHOLDER) {
          built += 'x';
          placeholders++;
        } else {
          built += lookalikeDigit(s);
          normalised = true;
        }
        count++;
      }
      continue;
    }
    if (count > 0 && count < softLimit && (k === SPACE_CLASS || k === RUN_SEPARATOR || c === SLASH)) {
      let j = i;
      let separator = false;
      for (; j < n; j++) {
        const kj = CLASS[text.charCodeAt(j)];
        if (kj === RUN_SEPARATOR || (kj === LIST_SEPARATOR && text.charCodeAt(j) === SLASH)) separator = true;
        else if (kj !== SPACE_CLASS) break;
      }
      if (!startsDigits(text, j, true)) break;
      leavePlain();
      if (separator) normalised = true;
      i = j;
      continue;
    }
    break;
  }
  // Spaces before a run that never started belong to whatever comes next.
  return { digits: plain ? text.slice(start, i) : built, end: count === 0 ? from : i, placeholders, normalised };
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
