/** Han characters and full-width punctuation: two columns wide, and a line may break before any of them. */
const WIDE_RANGES = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_RANGES}]`, 'u');
/** A run of spaces, one wide character, or a run of anything else (an English word with its punctuation). */
const TOKEN = new RegExp(`\\s+|[${WIDE_RANGES}]|[^\\s${WIDE_RANGES}]+`, 'gu');
/** Punctuation that may not start a line: it belongs to the character before it. */
const NO_LINE_START = /^[，。；：、）」』”！？]/u;
/** Punctuation that may not end a line: it belongs to the character after it. */
const NO_LINE_END = /[（「『“]$/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/**
 * Splits text into lines of at most `width` columns (a longer word stays whole): between words in
 * English, between any two characters in Chinese, which has no spaces to break at.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKEN) ?? []) {
    const isSpace = /^\s/u.test(token);
    if (isSpace && line === '') continue;
    const fits = displayWidth(line) + displayWidth(token) <= width;
    if (fits || isSpace || NO_LINE_START.test(token) || line === '') {
      line += token;
    } else {
      const carried = NO_LINE_END.exec(line)?.[0] ?? '';
      lines.push(line.slice(0, line.length - carried.length).trimEnd());
      line = carried + token;
    }
  }
  if (line !== '') lines.push(line.trimEnd());
  return lines;
}
