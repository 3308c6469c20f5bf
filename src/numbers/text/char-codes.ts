/**
 * Code units the parser looks for, and one-byte character classes of the cleaned text so the hot
 * loops test a class with a single table read.
 */
export const ch = (s: string): number => s.charCodeAt(0);

export const SPACE = 0x20;
export const OPEN = ch('(');
export const CLOSE = ch(')');

export const XIE = ch('械');
export const ZHU = ch('注');
export const BEI = ch('备');
export const YAO = ch('药');
export const JIAN = ch('监');
export const GUAN = ch('管');
export const SHI = ch('食');
export const ZI = ch('字');
export const DI = ch('第');
export const HAO = ch('号');
export const CE = ch('册');

export const FORM_ZHUN = ch('准');
export const FORM_JIN = ch('进');
export const FORM_XU = ch('许');

/** Character classes; 0 is everything else. */
export const DIGIT = 1;
export const SPACE_CLASS = 2;
/** Separates numbers in a list: , ; 、 and / (a / between digits is an in-run separator instead). */
export const LIST_SEPARATOR = 3;
/** Dropped between digits: - _ . · (and /, see above). */
export const RUN_SEPARATOR = 4;
/** O o I l | typed for 0 and 1. */
export const LOOKALIKE = 5;
/** x X * ? × # standing for an unknown digit. */
export const PLACEHOLDER = 6;
/** Any other ASCII letter: tells a word from a digit run. */
export const LETTER = 7;
const CJK = 8;

export const CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = LETTER;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = LETTER;
for (let c = 0x3400; c <= 0x9fff; c++) CLASS[c] = CJK;
for (let c = 0xf900; c <= 0xfaff; c++) CLASS[c] = CJK;
CLASS[SPACE] = SPACE_CLASS;
for (const s of [',', ';', '、', '/']) CLASS[ch(s)] = LIST_SEPARATOR;
for (const s of ['-', '_', '.', '·']) CLASS[ch(s)] = RUN_SEPARATOR;
for (const s of ['O', 'o', 'I', 'l', '|']) CLASS[ch(s)] = LOOKALIKE;
for (const s of ['x', 'X', '*', '?', '×', '#']) CLASS[ch(s)] = PLACEHOLDER;

/** The digit a look-alike letter stands for. */
export function lookalikeDigit(code: number): string {
  return code === 0x4f || code === 0x6f ? '0' : '1';
}

export const isCjk = (code: number): boolean => CLASS[code] === CJK;

/** True for space and list separators: what may stand between two numbers without being text. */
export function isBoundary(code: number): boolean {
  const k = CLASS[code];
  return k === SPACE_CLASS || k === LIST_SEPARATOR;
}
