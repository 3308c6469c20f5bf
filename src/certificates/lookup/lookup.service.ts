import type { Role } from '../../auth/roles.ts';
import { suggestCorrections } from '../../numbers/diagnosis/suggestions.ts';
import { normalise } from '../../numbers/normalise.ts';
import type { NormaliseError, NormaliseResult, ParsedNumber } from '../../numbers/number.types.ts';
import { recodeKey } from '../../numbers/recode-key.ts';
import { LruMap } from '../../shared/lru-map.ts';
import type { CertificatesRepository } from '../certificates.repository.ts';

/** Who is asking; the correction queue counts requesters per ticket. */
export interface Requester {
  organisation: string | null;
  /** Whom a new ticket is counted against (its quota): the key, or the client address without one. */
  opener: { actor: string; role: Role | null };
  contact?: string | null;
  callbackUrl?: string | null;
}

export type LookupOutcome<Found> =
  | { kind: 'found'; number: ParsedNumber; found: Found }
  | { kind: 'not_found'; number: ParsedNumber; probableMatch: string | null; replacedBy: string[]; extra: Record<string, unknown> }
  | { kind: 'invalid'; input: string; error: NormaliseError; suggestionsFound: string[] }
  | { kind: 'multiple'; numbers: ParsedNumber[] };

/**
 * Called for every well-formed number the index does not hold; returns fields to add to the
 * not-found answer. The correction queue registers one to open or join a ticket.
 */
export type MissHandler = (number: ParsedNumber, requester: Requester) => Record<string, unknown>;

export class LookupService {
  private readonly missHandlers: MissHandler[] = [];
  /** Normalised inputs: forms send the same few spellings of the same numbers all day. */
  private readonly normalised = new LruMap<string, { year: number; result: NormaliseResult }>(NORMALISED_INPUTS_KEPT);

  constructor(
    private readonly repository: CertificatesRepository,
    private readonly currentYear: () => number,
  ) {}

  onMiss(handler: MissHandler): void {
    this.missHandlers.push(handler);
  }

  /**
   * Resolves what was typed to one number and reads it with `fetch` (each route reads only what
   * it answers with); a miss runs the miss handlers. Who is asking matters only on a miss, so it
   * is worked out only then.
   */
  lookup<Found>(input: string, requester: () => Requester, fetch: (number: ParsedNumber) => Found | null): LookupOutcome<Found> {
    const result = this.normalise(input);
    if (result.error || result.numbers.length === 0) {
      const error = result.error ?? { reason: 'unrecognised', message: { zh: '无法识别', en: 'Unrecognised' }, suggestions: [] };
      const found = this.existing(suggestCorrections(input, { currentYear: this.currentYear(), limit: SUGGESTIONS_CHECKED }));
      return { kind: 'invalid', input, error: rankSuggestions(error, found), suggestionsFound: found };
    }
    if (result.numbers.length > 1) return { kind: 'multiple', numbers: result.numbers };
    const number = result.numbers[0]!;
    const found = fetch(number);
    if (found !== null) return { kind: 'found', number, found };
    const key = recodeKey(number);
    const probable = key ? (this.repository.recodedMatches(key, number.canonical)[0] ?? null) : null;
    const extra: Record<string, unknown> = {};
    const who = requester();
    for (const handler of this.missHandlers) Object.assign(extra, handler(number, who));
    return { kind: 'not_found', number, probableMatch: probable, replacedBy: this.repository.successors(number.matchKey), extra };
  }

  /** The engine is pure, so an answer is kept until the year changes (a year bounds the serials it accepts). */
  private normalise(input: string): NormaliseResult {
    const year = this.currentYear();
    if (input.length > MEMOISED_INPUT_LENGTH) return normalise(input, { currentYear: year });
    const kept = this.normalised.get(input);
    if (kept?.year === year) return kept.result;
    const result = normalise(input, { currentYear: year });
    this.normalised.set(input, { year, result });
    return result;
  }

  private existing(suggestions: readonly string[]): string[] {
    const year = this.currentYear();
    return suggestions.filter((s) => {
      const parsed = normalise(s, { currentYear: year }).numbers[0];
      return parsed !== undefined && this.repository.exists(parsed.matchKey);
    });
  }
}

const NORMALISED_INPUTS_KEPT = 20_000;
/** Longer inputs are pasted text, not a number typed again. */
const MEMOISED_INPUT_LENGTH = 64;

/**
 * The engine returns at most ten one-edit fixes, but a dropped digit has about a hundred; the
 * index checks more of them, and fixes naming a certificate we hold come first.
 */
const SUGGESTIONS_CHECKED = 300;

function rankSuggestions(error: NormaliseError, found: readonly string[]): NormaliseError {
  if (found.length === 0) return error;
  const rest = error.suggestions.filter((s) => !found.includes(s));
  return { ...error, suggestions: [...found, ...rest].slice(0, Math.max(error.suggestions.length, found.length)) };
}
