import { currentYearInShanghai } from '../current-year.ts';
import type { NormaliseOptions } from '../number.types.ts';
import type { Candidate } from '../parse/candidate.ts';
import { scanCandidates } from '../parse/scan.ts';
import { renderCanonical } from '../render.ts';
import { cleanText } from '../text/clean-text.ts';
import { isPreferredFailure } from './preferred-failure.ts';
import { editsFor } from './suggestion-edits.ts';

/**
 * Canonical numbers one edit away from a rejected candidate that pass every rule, likeliest
 * first, at most `limit`. Whether a suggestion names a certificate that exists is for the index
 * to rank (docs/numbers.md §4).
 */
export function suggestionsFor(c: Candidate, currentYear: number, limit: number): string[] {
  const out: string[] = [];
  const tried = new Set<string>();
  for (const edited of editsFor(c)) {
    if (out.length >= limit) break;
    const text = renderCanonical(edited);
    if (tried.has(text)) continue;
    tried.add(text);
    if (isValidNumber(text, currentYear)) out.push(text);
  }
  return out;
}

/** Rendered text is already clean, so it is scanned directly. */
function isValidNumber(text: string, currentYear: number): boolean {
  const found = scanCandidates(text, currentYear);
  const only = found[0];
  if (found.length !== 1 || only === undefined) return false;
  return only.reason === null && only.start === 0 && only.end === text.length;
}

interface SuggestOptions extends NormaliseOptions {
  /** How many suggestions at most; `normalise` gives 10. */
  limit?: number;
}

/**
 * Suggestions for an input that holds no valid number, for callers that want more than the ten
 * `normalise` returns, such as an index that keeps only those that exist. [] when the input
 * already holds a valid number or nothing one edit can repair.
 */
export function suggestCorrections(input: string, options: SuggestOptions = {}): string[] {
  const currentYear = options.currentYear ?? currentYearInShanghai();
  let chosen: Candidate | undefined;
  for (const c of scanCandidates(cleanText(input).text, currentYear)) {
    if (c.reason === null) return [];
    if (isPreferredFailure(c, chosen)) chosen = c;
  }
  if (chosen === undefined) return [];
  return suggestionsFor(chosen, currentYear, options.limit ?? Number.MAX_SAFE_INTEGER);
}
