import fc from 'fast-check';
import type { GeneratedNumber } from './valid-numbers.ts';

/** Simplified → traditional, the reverse of the engine's table (docs/numbers.md §3 row 10). */
const TRADITIONAL: Readonly<Record<string, string>> = {
  国: '國',
  准: '準',
  进: '進',
  许: '許',
  注: '註',
  备: '備',
  监: '監',
  药: '藥',
  号: '號',
  粤: '粵',
  沪: '滬',
  苏: '蘇',
  闽: '閩',
  赣: '贛',
  鲁: '魯',
  辽: '遼',
  陕: '陝',
  宁: '寧',
  云: '雲',
  琼: '瓊',
  晋: '晉',
  阳: '陽',
  内: '內',
  绍: '紹',
};

const WHITESPACE = [' ', '  ', '\u3000', '\u00a0', '\u200b', '\n', '\r\n', '\t', '\u2009', '\ufeff'];
const DIGIT_SEPARATORS = ['-', '/', '_', '.', '·', '－', '—'];
const BRACKETS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['（', '）'],
  ['〔', '〕'],
  ['【', '】'],
  ['[', ']'],
];
const SUFFIXES = ['（更）', '(延)', '(补)', '更', '【补】', '( 更 )'];
const TRAILING_TEXT = ['+变更文件', '(2014-12-05~2019-12-04)', '（注册证）', ' 有效期至2029年', '；备注'];
const LEADING_TEXT = ['注册证编号：', 'No.', '备案号 ', '证号:'];
const LOOKALIKES: Readonly<Record<string, readonly string[]>> = { '0': ['O', 'o'], '1': ['l', 'I', '|'] };

/** Which transformations to apply, and where; fast-check shrinks these to a minimal disguise. */
const choicesArb = fc.record({
  haoOnNew: fc.boolean(),
  dropLegacyHao: fc.boolean(),
  dropLegacyBrackets: fc.boolean(),
  brackets: fc.constantFrom(...BRACKETS),
  suffix: fc.option(fc.constantFrom(...SUFFIXES), { nil: null }),
  fullWidthDigits: fc.boolean(),
  traditional: fc.boolean(),
  lookalikeSeeds: fc.array(fc.nat(), { maxLength: 3 }),
  separatorSeeds: fc.array(fc.nat(), { maxLength: 2 }),
  whitespaceSeeds: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WHITESPACE)), { maxLength: 6 }),
  leading: fc.option(fc.constantFrom(...LEADING_TEXT), { nil: null }),
  trailing: fc.option(fc.constantFrom(...TRAILING_TEXT), { nil: null }),
  outerWhitespace: fc.boolean(),
});

export type DisguiseChoices = typeof choicesArb extends fc.Arbitrary<infer T> ? T : never;

interface Slot {
  text: string;
  /** The digit's run and index in it, for digits; null otherwise. */
  run: number | null;
  index: number;
}

/** A valid number typed the ways docs/numbers.md §3 lists, paired with the number itself. */
export function disguisedArb(numbers: fc.Arbitrary<GeneratedNumber>): fc.Arbitrary<[GeneratedNumber, string]> {
  return fc.tuple(numbers, choicesArb).map(([n, choices]) => [n, disguise(n, choices)]);
}

export function disguise(n: GeneratedNumber, c: DisguiseChoices): string {
  const legacy = n.family === 'legacy2004' || n.family === 'legacy2000';
  const slots: Slot[] = [...n.canonical].map((text, at) => {
    const run = n.digitRuns.findIndex(([start, end]) => at >= start && at < end);
    return { text, run: run < 0 ? null : run, index: run < 0 ? 0 : at - n.digitRuns[run]![0] };
  });
  if (legacy && c.dropLegacyHao) slots.pop();
  if (!legacy && c.haoOnNew) slots.push({ text: '号', run: null, index: 0 });
  for (const slot of slots) {
    if (slot.text === '(') slot.text = legacy && c.dropLegacyBrackets ? '' : c.brackets[0];
    if (slot.text === ')') slot.text = legacy && c.dropLegacyBrackets ? '' : c.brackets[1];
  }
  const digitSlots = slots.filter((s) => s.run !== null);
  // A look-alike letter only replaces a digit inside a run, never its first (row 9).
  for (const seed of c.lookalikeSeeds) {
    const slot = digitSlots[seed % digitSlots.length]!;
    const options = LOOKALIKES[slot.text];
    if (slot.index > 0 && options) slot.text = options[seed % options.length]!;
  }
  for (const slot of slots) {
    if (c.fullWidthDigits && /^[0-9]$/.test(slot.text)) slot.text = String.fromCharCode(slot.text.charCodeAt(0) + 0xfee0);
    if (c.traditional) slot.text = TRADITIONAL[slot.text] ?? slot.text;
  }
  // Separators go between two digits of a run, and spaces anywhere, but only where the engine
  // still expects more digits (a space after a complete number ends it).
  const breakable = (at: number): boolean => {
    const slot = slots[at];
    if (slot === undefined || slot.run === null) return true;
    return slot.index < n.softDigits[slot.run]!;
  };
  const inserts = new Map<number, string>();
  for (const seed of c.separatorSeeds) {
    const at = seed % slots.length;
    const slot = slots[at]!;
    if (slot.run !== null && slot.index > 0 && breakable(at)) inserts.set(at, DIGIT_SEPARATORS[seed % DIGIT_SEPARATORS.length]!);
  }
  for (const [seed, space] of c.whitespaceSeeds) {
    const at = seed % (slots.length + 1);
    if (breakable(at)) inserts.set(at, (inserts.get(at) ?? '') + space);
  }
  let out = slots.map((slot, at) => (inserts.get(at) ?? '') + slot.text).join('') + (inserts.get(slots.length) ?? '');
  if (c.suffix !== null) out += c.suffix;
  if (c.trailing !== null) out += c.trailing;
  if (c.leading !== null) out = c.leading + out;
  return c.outerWhitespace ? ` \u3000${out}\n` : out;
}
