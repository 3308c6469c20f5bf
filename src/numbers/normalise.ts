import { classifyUnmatched } from './classify-unmatched.ts';
import { currentYearInShanghai } from './current-year.ts';
import { messageFor } from './messages.ts';
import type {
  NormaliseOptions,
  NormaliseResult,
  ParsedNumber,
  ReasonCode,
  RejectedSegment,
} from './number.types.ts';
import { scanCandidates } from './parse/scan.ts';
import { toParsedNumber } from './parsed-number.ts';
import { preferredFailure } from './preferred-failure.ts';
import { toRejectedSegment } from './rejection.ts';
import { cleanText } from './text/clean-text.ts';

/** Rejected segments reported per answer; a pasted spreadsheet column must not grow the answer unboundedly. */
export const MAX_REJECTED = 100;

/**
 * Every certificate number in a field as typed (NUMBERS.md §4): canonical forms with their parts,
 * what was stripped, and warnings; or, when none is valid, the reason with a message and
 * suggestions. Pure and total: never throws, linear in the input's length.
 */
export function normalise(input: string, options?: NormaliseOptions): NormaliseResult {
  // JavaScript callers (JSON bodies, spreadsheets) can hand over anything.
  if (typeof input !== 'string') return failure('empty');
  const currentYear = options?.currentYear ?? currentYearInShanghai();
  const clean = cleanText(input);
  const candidates = scanCandidates(clean.text, currentYear);
  const chosen = preferredFailure(candidates);
  const numbers: ParsedNumber[] = [];
  const rejected: RejectedSegment[] = [];
  let chosenSegment: RejectedSegment | undefined;
  for (const c of candidates) {
    if (c.reason === null) {
      numbers.push(toParsedNumber(c, clean));
    } else if (rejected.length < MAX_REJECTED) {
      const segment = toRejectedSegment(c, clean.text, currentYear);
      rejected.push(segment);
      if (c === chosen) chosenSegment = segment;
    }
  }
  if (numbers.length > 0) return { numbers, error: null, rejected };
  if (chosen === undefined) return failure(classifyUnmatched(clean.text));
  chosenSegment ??= toRejectedSegment(chosen, clean.text, currentYear);
  const { reason, message, suggestions } = chosenSegment;
  return { numbers, error: { reason, message, suggestions }, rejected };
}

function failure(reason: ReasonCode): NormaliseResult {
  return { numbers: [], error: { reason, message: messageFor(reason), suggestions: [] }, rejected: [] };
}
