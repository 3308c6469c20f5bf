import type { ReasonCode } from '../number.types.ts';
import { CLASS, DIGIT, LIST_SEPARATOR, RUN_SEPARATOR, SPACE_CLASS } from '../text/char-codes.ts';

/**
 * Marks of licences and approval numbers that are not device certificates: drug approval numbers
 * (国药准字H…), health food (…食健字), cosmetics (国妆特字, 妆备), production and trading licences
 * and filings, advertisement approvals.
 */
const OTHER_LICENCE_MARKS = ['药准字', '药试字', '健字', '妆特字', '妆备', '妆网备', '生产许', '生产备', '经营许', '经营备', '广审'];

/** GTIN-13 and GTIN-14, the shapes of UDI device identifiers. */
const UDI_DI_LENGTHS = new Set([13, 14]);

/** Certificate digits without a prefix are at least the 7 digits after a legacy 第. */
const MIN_BARE_NUMBER_DIGITS = 7;

/** Why cleaned text in which no number-shaped candidate was found holds no number. */
export function classifyUnmatched(text: string): ReasonCode {
  if (isBlank(text)) return 'empty';
  for (const mark of OTHER_LICENCE_MARKS) if (text.includes(mark)) return 'not_a_device_certificate';
  const digits = longestDigitRun(text);
  if (UDI_DI_LENGTHS.has(digits)) return 'not_a_device_certificate';
  if (digits >= MIN_BARE_NUMBER_DIGITS) return 'no_authority_prefix';
  return 'unrecognised';
}

/** Only whitespace and list separators. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (k !== SPACE_CLASS && k !== LIST_SEPARATOR) return false;
  }
  return true;
}

/** Digits counted across spaces and separators between them, as a person would read `2020 2140123`. */
function longestDigitRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === DIGIT) {
      run++;
      if (run > longest) longest = run;
    } else if (k !== SPACE_CLASS && k !== RUN_SEPARATOR) run = 0;
  }
  return longest;
}
