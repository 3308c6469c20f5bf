import { type MessageFacts, messageFor } from '../messages.ts';
import type { RejectedSegment } from '../number.types.ts';
import { type Candidate, isLegacy } from '../parse/candidate.ts';
import { expectedDigitsLabel } from '../rules/digit-counts.ts';
import { firstYear, lastYear, yearOf } from '../rules/year-range.ts';
import { suggestionsFor } from './suggestions.ts';

/** How many suggestions an answer carries; callers wanting more use suggestCorrections. */
const SUGGESTION_LIMIT = 10;

/** A rejected candidate as the caller sees it: what was read, why it failed, what may fix it. */
export function toRejectedSegment(c: Candidate, text: string, currentYear: number): RejectedSegment {
  const reason = c.reason ?? 'unrecognised';
  return {
    text: text.slice(c.start, c.end),
    reason,
    message: messageFor(reason, factsOf(c, currentYear)),
    suggestions: suggestionsFor(c, currentYear, SUGGESTION_LIMIT),
  };
}

function factsOf(c: Candidate, currentYear: number): MessageFacts {
  if (c.kind === 'other_licence') return {};
  return {
    family: c.kind,
    authority: c.authority + c.city,
    form: c.form ?? '',
    digitsFound: isLegacy(c.kind) ? `${c.head.length} + ${c.digits.length}` : String(c.digits.length),
    digitsExpected: expectedDigitsLabel(c),
    year: yearOf(c.kind, c.head, c.digits),
    yearRange: [firstYear(c.kind), lastYear(c.kind, currentYear)],
    managementClass: c.digits.charCodeAt(c.kind === 'registration' ? 4 : 0) - 48,
    missing: c.missing,
  };
}
