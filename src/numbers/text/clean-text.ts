import { SPACE } from './char-codes.ts';
import { FOLD, NEEDS_NFKC, foldThroughNfkc } from './fold-table.ts';

/** The input as the parser reads it: folded characters, every whitespace as one SPACE. */
export interface CleanText {
  text: string;
  /**
   * 1 at each position whose character differs from what was typed (whitespace aside, which
   * shows as SPACE); null when nothing changed, the common case.
   */
  changed: Uint8Array | null;
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

/** The slow path, taken from the first character that changes. */
function cleanFrom(input: string, first: number, spaceSeen: boolean): CleanText {
  let hasSpace = spaceSeen;
  let out = new Uint16Array(input.length + 8);
  let changed = new Uint8Array(out.length);
  let len = 0;
  const push = (code: number, isChange: boolean): void => {
    if (len === out.length) {
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = bigger;
      const biggerMask = new Uint8Array(bigger.length);
      biggerMask.set(changed);
      changed = biggerMask;
    }
    out[len] = code;
    if (isChange) changed[len] = 1;
    len++;
  };
  for (let i = 0; i < first; i++) push(input.charCodeAt(i), false);
  for (let i = first; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === c) push(c, false);
    else if (f === SPACE) {
      hasSpace = true;
      push(SPACE, false);
    } else if (f !== NEEDS_NFKC) push(f, true);
    else {
      const folded = foldThroughNfkc(c);
      const isChange = folded.length !== 1 || folded.charCodeAt(0) !== c;
      for (let k = 0; k < folded.length; k++) {
        const code = folded.charCodeAt(k);
        if (code === SPACE) hasSpace = true;
        push(code, isChange && code !== SPACE);
      }
    }
  }
  return { text: decode(out, len), changed: changed.subarray(0, len), hasSpace };
}

// Chunked because String.fromCharCode.apply has an argument-count limit.
const CHUNK = 8192;

function decode(codes: Uint16Array, len: number): string {
  let text = '';
  for (let start = 0; start < len; start += CHUNK) {
    const chunk = codes.subarray(start, Math.min(len, start + CHUNK));
    // apply accepts any array-like; the cast only satisfies its number[] signature.
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}
