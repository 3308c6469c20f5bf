import { foldWithOffsets } from './search-text.ts';

const HIGHLIGHT_OPEN = '<mark>';
const HIGHLIGHT_CLOSE = '</mark>';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The value with every occurrence of the query marked, or null when it does not occur. Matching
 * is on folded text, as the engines match, so `粤械注准 2017` marks `粤械注准2017` in the number;
 * the value is HTML-escaped so a client can render the marks as they are.
 */
export function highlight(value: string | null, foldedQuery: string): string | null {
  if (!value || foldedQuery.length === 0) return null;
  const { folded, starts, ends } = foldWithOffsets(value);
  const spans: [number, number][] = [];
  for (let at = folded.indexOf(foldedQuery); at >= 0; at = folded.indexOf(foldedQuery, at + foldedQuery.length)) {
    spans.push([starts[at]!, ends[at + foldedQuery.length - 1]!]);
  }
  if (spans.length === 0) return null;
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += escapeHtml(value.slice(from, start)) + HIGHLIGHT_OPEN + escapeHtml(value.slice(start, end)) + HIGHLIGHT_CLOSE;
    from = end;
  }
  return out + escapeHtml(value.slice(from));
}

/** An exact number match marks the whole number, however it was typed. */
export function highlightWhole(value: string): string {
  return HIGHLIGHT_OPEN + escapeHtml(value) + HIGHLIGHT_CLOSE;
}
