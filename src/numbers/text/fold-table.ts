import { ch, SPACE } from './char-codes.ts';
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional.ts';

/**
 * What each UTF-16 code unit becomes before parsing: itself, SPACE for every kind of whitespace
 * and invisible format character, an explicit replacement (full-width forms, brackets, dashes,
 * traditional characters), or NEEDS_NFKC for code units whose compatibility form has to be asked
 * of the platform. A table read per character keeps the common, already-clean input on a path
 * that allocates nothing.
 */
export const NEEDS_NFKC = 0;

export const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = c;

const mapRange = (from: number, to: number, value: number): void => {
  for (let c = from; c <= to; c++) FOLD[c] = value;
};

// Compatibility forms live here; CJK ideographs, surrogates and private use are left alone.
mapRange(0x00a0, 0x33ff, NEEDS_NFKC);
mapRange(0xf900, 0xffef, NEEDS_NFKC);

// Whitespace, controls and zero-width or bidi format characters: all are "a space" to the parser.
mapRange(0x00, 0x1f, SPACE);
mapRange(0x7f, 0xa0, SPACE);
FOLD[0xad] = SPACE;
FOLD[0x1680] = SPACE;
FOLD[0x180e] = SPACE;
mapRange(0x2000, 0x200f, SPACE);
mapRange(0x2028, 0x202f, SPACE);
mapRange(0x205f, 0x206f, SPACE);
FOLD[0x3000] = SPACE;
FOLD[0xfeff] = SPACE;

// Full-width ASCII, done here rather than through NFKC because it is the commonest case.
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;

// Every bracket style people use around the form (准) becomes ( ).
for (const open of ['[', '〔', '【', '〖', '［', '﹙']) FOLD[ch(open)] = ch('(');
for (const close of [']', '〕', '】', '〗', '］', '﹚']) FOLD[ch(close)] = ch(')');

// Dashes and middle dots that may sit between digits.
mapRange(0x2010, 0x2015, ch('-'));
FOLD[0x2212] = ch('-');
FOLD[0xfe58] = ch('-');
FOLD[0xfe63] = ch('-');
FOLD[0x30fb] = ch('·');
FOLD[0xff65] = ch('·');
// Common in input and unchanged by NFKC: spared the slow path.
for (const keep of ['、', '。', '·', '×', '“', '”', '‘', '’']) FOLD[ch(keep)] = ch(keep);

for (const [traditional, simplified] of Object.entries(TRADITIONAL_TO_SIMPLIFIED)) {
  FOLD[ch(traditional)] = ch(simplified);
}

const nfkcCache = new Map<number, string>();

/**
 * The NFKC form of one code unit, each of its characters folded again. Memoised because a long
 * input tends to repeat the same few odd characters.
 */
export function foldThroughNfkc(code: number): string {
  let out = nfkcCache.get(code);
  if (out === undefined) {
    const nfkc = String.fromCharCode(code).normalize('NFKC');
    out = '';
    for (let i = 0; i < nfkc.length; i++) {
      const c = nfkc.charCodeAt(i);
      const f = FOLD[c]!;
      out += String.fromCharCode(f === NEEDS_NFKC ? c : f);
    }
    nfkcCache.set(code, out);
  }
  return out;
}
