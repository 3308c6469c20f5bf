/**
 * The rule for `message.zh`: ASCII letters appear only inside backquotes (field names, codes,
 * values and patterns to be typed as shown) or as one of these names that Chinese readers use as
 * they are. Everything else must be Chinese.
 */
const KEPT_AS_IS = new Set(['API', 'CSV', 'XLSX', 'JSON', 'PDF', 'JPEG', 'PNG', 'UDI', 'DI', 'HTTP', 'MB', 'KB', 'Excel']);

/** The ASCII words in `zh` that break the rule (empty when the text is fine). */
export function strayLatin(zh: string): string[] {
  const outsideQuotes = zh.replace(/`[^`]*`/g, '');
  return (outsideQuotes.match(/[A-Za-z]+/g) ?? []).filter((word) => !KEPT_AS_IS.has(word));
}

export const hasChinese = (text: string): boolean => /\p{Script=Han}/u.test(text);

/** Chinese first: the first letter of the text (digits, punctuation and spaces aside) is a Chinese character. */
export const startsWithChinese = (text: string): boolean => /\p{Script=Han}/u.test(text.match(/\p{L}/u)?.[0] ?? '');
