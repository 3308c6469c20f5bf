import { SPACE } from './char-codes.ts';
import { FOLD, foldThroughNfkc, NEEDS_NFKC } from './fold-table.ts';

/** The input as the parser reads it: folded characters, every whitespace as one SPACE. */
export interface CleanText {
  text: string;
  /**
   * Ascending positions of `text` whose character differs from what was typed (whitespace aside,
   * which shows as SPACE), padded with NO_POSITION; null when nothing changed, the common case.
   */
  changed: Int32Array | null;
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
 * Up to this length the output is gathered in a plain array, cheapest to allocate and to decode;
 * beyond it in a typed array, which stays off the garbage-collected heap.
 */
const SHORT_INPUT = 1024;

/** The slow path, taken from the first character that changes. */
function cleanFrom(input: string, first: number, spaceSeen: boolean): CleanText {
  const out = new CodeUnits(input.length);
  const changed = new Positions();
  let hasSpace = spaceSeen;
  for (let i = 0; i < first; i++) out.push(input.charCodeAt(i));
  for (let i = first; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === c || f === SPACE) {
      if (f === SPACE) hasSpace = true;
      out.push(f);
    } else if (f !== NEEDS_NFKC) {
      changed.push(out.length);
      out.push(f);
    } else {
      const folded = foldThroughNfkc(c);
      const isChange = folded.length !== 1 || folded.charCodeAt(0) !== c;
      for (let k = 0; k < folded.length; k++) {
        const code = folded.charCodeAt(k);
        if (code === SPACE) hasSpace = true;
        else if (isChange) changed.push(out.length);
        out.push(code);
      }
    }
  }
  return { text: out.decode(), changed: changed.toArray(), hasSpace };
}

/** A growable buffer of UTF-16 code units, decoded once at the end. */
class CodeUnits {
  private readonly short: number[] | null;
  private long: Uint16Array;
  length = 0;

  constructor(expected: number) {
    this.short = expected <= SHORT_INPUT ? [] : null;
    this.long = this.short === null ? new Uint16Array(expected + 16) : EMPTY_UNITS;
  }

  push(code: number): void {
    if (this.short !== null) {
      this.short.push(code);
    } else {
      // NFKC can lengthen the text (`㈱` → `(株)`), so the buffer may have to grow.
      if (this.length === this.long.length) this.long = copyInto(this.long, new Uint16Array(this.length * 2));
      this.long[this.length] = code;
    }
    this.length++;
  }

  decode(): string {
    if (this.short !== null) return String.fromCharCode.apply(null, this.short);
    let text = '';
    // Chunked because String.fromCharCode.apply has an argument-count limit.
    for (let start = 0; start < this.length; start += CHUNK) {
      const chunk = this.long.subarray(start, Math.min(this.length, start + CHUNK));
      // apply takes any array-like; the cast only satisfies its number[] signature.
      text += String.fromCharCode.apply(null, chunk as unknown as number[]);
    }
    return text;
  }
}

/** Pads the unused end of a positions list: greater than any position, so it stays sorted. */
const NO_POSITION = 0x7fffffff;

/**
 * A growable list of ascending positions, allocated on the first one (most inputs have none) and
 * handed out padded rather than trimmed, as a typed-array view costs more than the padding.
 */
class Positions {
  private items = EMPTY_POSITIONS;
  private count = 0;

  push(position: number): void {
    if (this.count === this.items.length) {
      this.items = copyInto(this.items, new Int32Array(Math.max(16, this.count * 2)).fill(NO_POSITION));
    }
    this.items[this.count++] = position;
  }

  toArray(): Int32Array | null {
    return this.count === 0 ? null : this.items;
  }
}

const CHUNK = 8192;
const EMPTY_UNITS = new Uint16Array(0);
const EMPTY_POSITIONS = new Int32Array(0);

function copyInto<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
