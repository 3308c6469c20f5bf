import { SPACE } from './char-codes.ts';
import { FOLD, NEEDS_NFKC, foldThroughNfkc } from './fold-table.ts';

/** The input as the parser reads it: folded characters, every whitespace as one SPACE. */
export interface CleanText {
  text: string;
  /**
   * Ascending positions in `text` whose character differs from what was typed (whitespace aside,
   * which shows as SPACE); null when nothing changed, the common case.
   */
  changed: number[] | null;
  hasSpace: boolean;
}

export function cleanText(input: string): CleanText {
  const n = input.length;
  let hasSpace = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (FOLD[c] !== c) return cleanFrom(input, i, hasSpace);
    if (c === SPACE) hasSpace = true;
  }
  return { text: input, changed: null, hasSpace };
}

/**
 * The slow path, taken from the first character that changes: unchanged runs are copied as
 * slices and joined once, so a long input with a few odd characters costs little more than a copy.
 */
function cleanFrom(input: string, first: number, spaceSeen: boolean): CleanText {
  let hasSpace = spaceSeen;
  const parts: string[] = [];
  const changed: number[] = [];
  let length = 0; // of the output so far
  let runStart = 0;
  for (let i = first; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === c) {
      if (c === SPACE) hasSpace = true;
      continue;
    }
    if (runStart < i) {
      parts.push(input.slice(runStart, i));
      length += i - runStart;
    }
    runStart = i + 1;
    if (f === SPACE) {
      hasSpace = true;
      parts.push(' ');
      length++;
    } else if (f !== NEEDS_NFKC) {
      changed.push(length);
      parts.push(String.fromCharCode(f));
      length++;
    } else {
      const folded = foldThroughNfkc(c);
      const isChange = folded.length !== 1 || folded.charCodeAt(0) !== c;
      for (let k = 0; k < folded.length; k++) {
        const code = folded.charCodeAt(k);
        if (code === SPACE) hasSpace = true;
        else if (isChange) changed.push(length + k);
      }
      parts.push(folded);
      length += folded.length;
    }
  }
  if (runStart < input.length) parts.push(input.slice(runStart));
  return { text: parts.join(''), changed: changed.length > 0 ? changed : null, hasSpace };
}
