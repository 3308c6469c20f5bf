import { currentYearInShanghai } from '../current-year.ts';
import type { NormaliseOptions, ParsedNumber } from '../number.types.ts';
import { type Candidate, isLegacy, type Skeleton } from '../parse/candidate.ts';
import { CandidateScanner, scanCandidates } from '../parse/scan.ts';
import { toParsedNumber } from '../parsed-number.ts';
import { renderCanonical } from '../render.ts';
import { digitCountsFit } from '../rules/digit-counts.ts';
import { cleanText } from '../text/clean-text.ts';

/** A filing has at most 12 digits: 11 transpositions and 108 substitutions stay under this. */
export const NEIGHBOUR_LIMIT = 120;

/** A valid number one slip away, with the key the index finds it by. */
export interface Neighbour {
  number: string;
  matchKey: string;
}

/**
 * The valid numbers one typing slip away from the first well-formed number in `input`: two
 * adjacent digits swapped, then one digit changed; at most NEIGHBOUR_LIMIT, in that order. The
 * input may itself be valid (a number typed one digit off is still well formed) or break a rule
 * that a slip explains. Whether a neighbour names a certificate is for the index to say
 * (docs/numbers.md §4 item 6).
 */
export function digitNeighbours(input: string, options: NormaliseOptions = {}): Neighbour[] {
  const currentYear = options.currentYear ?? currentYearInShanghai();
  const first = scanCandidates(cleanText(input).text, currentYear).find(isWellFormed);
  if (first === undefined) return [];
  const out: Neighbour[] = [];
  const seen = new Set<string>([renderCanonical(first)]);
  for (const edited of slips(first)) {
    if (out.length >= NEIGHBOUR_LIMIT) break;
    const text = renderCanonical(edited);
    if (seen.has(text)) continue;
    seen.add(text);
    const parsed = validNumbers(text, currentYear);
    if (parsed.length === 1 && parsed[0]!.canonical === text) out.push({ number: text, matchKey: parsed[0]!.matchKey });
  }
  return out;
}

/**
 * The valid numbers in `text`, as `normalise` finds them, without diagnosing the invalid ones:
 * half the slips break a rule, and working out suggestions for each was nearly all of a miss's cost.
 */
function validNumbers(text: string, currentYear: number): ParsedNumber[] {
  const clean = cleanText(text);
  const scanner = new CandidateScanner(clean.text, currentYear);
  const numbers: ParsedNumber[] = [];
  for (let c = scanner.next(); c !== null; c = scanner.next()) if (c.reason === null) numbers.push(toParsedNumber(c, clean));
  return numbers;
}

/** Every part of the number is there and typed as digits; only the digits' values may be wrong. */
function isWellFormed(c: Candidate): boolean {
  return c.kind !== 'other_licence' && c.authorityStatus === 'ok' && c.missing === '' && c.placeholders === 0 && digitCountsFit(c);
}

function* slips(c: Candidate): Generator<Skeleton> {
  const parts = isLegacy(c.kind) ? (['head', 'digits'] as const) : (['digits'] as const);
  for (const part of parts) {
    const s = c[part];
    for (let i = 0; i + 1 < s.length; i++) {
      if (s[i] !== s[i + 1]) yield { ...c, [part]: s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) };
    }
  }
  for (const part of parts) {
    const s = c[part];
    for (let i = 0; i < s.length; i++) {
      for (const d of '0123456789') if (d !== s[i]) yield { ...c, [part]: s.slice(0, i) + d + s.slice(i + 1) };
    }
  }
}
