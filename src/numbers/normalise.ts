import { currentYearInShanghai } from './current-year.ts';
import { classifyUnmatched } from './diagnosis/classify-unmatched.ts';
import { isPreferredFailure } from './diagnosis/preferred-failure.ts';
import { toRejectedSegment } from './diagnosis/rejection.ts';
import { messageFor } from './messages.ts';
import type { NormaliseOptions, NormaliseResult, ParsedNumber, ReasonCode, RejectedSegment } from './number.types.ts';
import type { Candidate } from './parse/candidate.ts';
import { CandidateScanner } from './parse/scan.ts';
import { toParsedNumber } from './parsed-number.ts';
import { cleanText } from './text/clean-text.ts';

/** Rejected segments reported per answer; a pasted spreadsheet column must not grow the answer unboundedly. */
const MAX_REJECTED = 100;

/**
 * Every certificate number in a field as typed (docs/numbers.md §4): canonical forms with their parts,
 * what was stripped, and warnings; or, when none is valid, the reason with a message and
 * suggestions. Pure and total: never throws, linear in the input's length. With
 * `acceptLetterDigits: false` (for text that will be stored) a number typed with letters for
 * digits is rejected rather than read.
 */
export function normalise(input: string, options?: NormaliseOptions): NormaliseResult {
  // JavaScript callers (JSON bodies, spreadsheets) can hand over anything.
  if (typeof input !== 'string') return failure('empty');
  const currentYear = options?.currentYear ?? currentYearInShanghai();
  const refuseLetters = options?.acceptLetterDigits === false;
  const clean = cleanText(input);
  const scanner = new CandidateScanner(clean.text, currentYear);
  const numbers: ParsedNumber[] = [];
  const rejected: RejectedSegment[] = [];
  let chosen: Candidate | undefined;
  let chosenSegment: RejectedSegment | undefined;
  for (let c = scanner.next(); c !== null; c = scanner.next()) {
    if (c.reason === null && refuseLetters && c.lettersForDigits) c.reason = 'letter_for_digit';
    if (c.reason === null) {
      numbers.push(toParsedNumber(c, clean));
      continue;
    }
    const segment = rejected.length < MAX_REJECTED ? toRejectedSegment(c, clean.text, currentYear) : undefined;
    if (segment !== undefined) rejected.push(segment);
    if (numbers.length === 0 && isPreferredFailure(c, chosen)) {
      chosen = c;
      chosenSegment = segment;
    }
  }
  if (numbers.length > 0) return { numbers, error: null, rejected };
  if (chosen === undefined) return failure(classifyUnmatched(clean.text));
  const { reason, message, suggestions } = chosenSegment ?? toRejectedSegment(chosen, clean.text, currentYear);
  return { numbers, error: { reason, message, suggestions }, rejected };
}

function failure(reason: ReasonCode): NormaliseResult {
  return { numbers: [], error: { reason, message: messageFor(reason), suggestions: [] }, rejected: [] };
}
