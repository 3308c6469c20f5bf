import { SPACE } from '../numbers/text/char-codes.ts';
import { FOLD, foldThroughNfkc, NEEDS_NFKC } from '../numbers/text/fold-table.ts';

/**
 * Text as both search engines see it: the number engine's character folding (full-width,
 * traditional characters, NFKC), lower case, and only letters and digits. Punctuation and spaces go,
 * so `粤食药监械(准)字2013` and `粤食药监械准字2013` match, and so does a query typed with spaces.
 */

/**
 * The FTS columns and how each is tokenised. Every column's tokens start with its own private-use
 * marker (a token character for FTS5), so no two columns share a doclist: a query on product
 * names never walks holder postings.
 *  - num: 4-grams of the number, with the shorter tails at its end, so a fragment of any length
 *    matches (digit bigrams are in nearly every number; 4-grams are selective);
 *  - name, holder: bigrams with a one-character tail, for queries of 1–3 characters;
 *  - name4, holder4: 4-grams without tails, for queries of 4 characters or more: a 4-character
 *    query is then one token to count, not a phrase of three dense bigrams.
 */
export const FIELDS = {
  num: { marker: '\uE000', size: 4, tails: true },
  name: { marker: '\uE001', size: 2, tails: true },
  holder: { marker: '\uE002', size: 2, tails: true },
  name4: { marker: '\uE003', size: 4, tails: false },
  holder4: { marker: '\uE004', size: 4, tails: false },
} as const;

export type SearchField = keyof typeof FIELDS;

/** Per UTF-16 code unit: 0 dropped, else the (lower-case) unit kept. Built on first use. */
let keepTable: Uint16Array | null = null;

function keptUnits(): Uint16Array {
  if (keepTable) return keepTable;
  const table = new Uint16Array(0x10000);
  const wordChar = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c; // halves of supplementary ideographs (CJK extension B …): kept as they are
      continue;
    }
    const s = String.fromCharCode(c);
    if (!wordChar.test(s)) continue;
    const lower = s.toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  keepTable = table;
  return table;
}

/** Appends what one original code unit folds to; returns how many units it appended. */
function foldUnit(code: number, keep: Uint16Array, out: number[]): number {
  const f = FOLD[code]!;
  if (f === SPACE) return 0;
  if (f !== NEEDS_NFKC) {
    const k = keep[f]!;
    if (k === 0) return 0;
    out.push(k);
    return 1;
  }
  const nfkc = foldThroughNfkc(code);
  let added = 0;
  for (let i = 0; i < nfkc.length; i++) {
    const k = keep[nfkc.charCodeAt(i)]!;
    if (k !== 0) {
      out.push(k);
      added++;
    }
  }
  return added;
}

/** The folded form of a field or a query. */
export function foldText(input: string | null | undefined): string {
  if (!input) return '';
  const keep = keptUnits();
  // Most names and numbers fold to themselves: check before building anything.
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (FOLD[c] !== c || keep[c] !== c) break;
    i++;
  }
  if (i === input.length) return input;
  const out: number[] = [];
  for (let k = 0; k < i; k++) out.push(input.charCodeAt(k));
  for (; i < input.length; i++) foldUnit(input.charCodeAt(i), keep, out);
  return fromCodes(out);
}

/** A folded text with, for each folded code unit, the span of the original it came from. */
interface FoldedWithOffsets {
  folded: string;
  starts: number[];
  ends: number[];
}

/** For highlighting: maps matches in folded text back onto the text as stored. */
export function foldWithOffsets(input: string): FoldedWithOffsets {
  const keep = keptUnits();
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const added = foldUnit(input.charCodeAt(i), keep, out);
    for (let k = 0; k < added; k++) {
      starts.push(i);
      ends.push(i + 1);
    }
  }
  return { folded: fromCodes(out), starts, ends };
}

// Chunked: spreading a long array into String.fromCharCode overflows the call stack.
const CHUNK = 4096;

function fromCodes(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  let text = '';
  for (let start = 0; start < codes.length; start += CHUNK) text += String.fromCharCode(...codes.slice(start, start + CHUNK));
  return text;
}

/** The folded text split into characters (code points), so n-grams never split a surrogate pair. */
export function characters(folded: string): string[] {
  return /[\ud800-\udfff]/.test(folded) ? Array.from(folded) : folded.split('');
}

/**
 * The tokens stored for a field: at each position the n-gram starting there, each prefixed with
 * the field's marker. With tails (shorter n-grams at the end), every substring no longer than n is
 * a prefix of one token; every longer substring is a run of consecutive tokens.
 */
export function fieldGrams(field: SearchField, folded: string): string[] {
  const { marker, size, tails } = FIELDS[field];
  const chars = /[\ud800-\udfff]/.test(folded) ? Array.from(folded) : null;
  const length = chars ? chars.length : folded.length;
  const last = tails ? length : length - size + 1;
  const tokens: string[] = [];
  for (let i = 0; i < last; i++) tokens.push(marker + (chars ? chars.slice(i, i + size).join('') : folded.slice(i, i + size)));
  return tokens;
}
