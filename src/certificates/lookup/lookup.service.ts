import type { Role } from '../../auth/roles.ts';
import type { Neighbour } from '../../numbers/diagnosis/digit-neighbours.ts';
import { digitNeighbours } from '../../numbers/diagnosis/digit-neighbours.ts';
import { suggestCorrections } from '../../numbers/diagnosis/suggestions.ts';
import { normalise } from '../../numbers/normalise.ts';
import type { NormaliseError, NormaliseResult, ParsedNumber } from '../../numbers/number.types.ts';
import { recodeKey } from '../../numbers/recode-key.ts';
import { LruMap } from '../../shared/lru-map.ts';
import type { NotFoundDetails } from '../certificates.errors.ts';
import type { CertificatesRepository } from '../certificates.repository.ts';
import type { KnownSuggestion } from '../certificates.schemas.ts';

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
  | ({ kind: 'not_found' } & NotFoundDetails)
  | { kind: 'invalid'; input: string; error: NormaliseError; suggestions: KnownSuggestion[] }
  | { kind: 'multiple'; numbers: ParsedNumber[] };

/** What a miss handler adds to the not-found answer. */
export interface MissAnswer {
  fields: Record<string, unknown>;
  /** The right number, when a technician has rejected this one as a typo: it leads the suggestions. */
  correctNumber?: string | null;
}

/**
 * Called for every well-formed number the index does not hold. The correction queue registers one
 * to open or join a ticket.
 */
export type MissHandler = (number: ParsedNumber, requester: Requester) => MissAnswer;

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
      const year = this.currentYear();
      const edits = suggestCorrections(input, { currentYear: year, limit: SUGGESTIONS_CHECKED }).map((s) => keyed(s, year));
      return { kind: 'invalid', input, error, suggestions: this.known([...edits, ...digitNeighbours(input, { currentYear: year })]) };
    }
    if (result.numbers.length > 1) return { kind: 'multiple', numbers: result.numbers };
    const number = result.numbers[0]!;
    const found = fetch(number);
    if (found !== null) return { kind: 'found', number, found };
    const key = recodeKey(number);
    const probable = key ? (this.repository.recodedMatches(key, number.canonical)[0] ?? null) : null;
    const extra: Record<string, unknown> = {};
    let correctNumber: string | null = null;
    const who = requester();
    for (const handler of this.missHandlers) {
      const answer = handler(number, who);
      Object.assign(extra, answer.fields);
      correctNumber ??= answer.correctNumber ?? null;
    }
    // A well-formed number that is missing is most often a known one typed a digit off.
    const neighbours = digitNeighbours(number.canonical, { currentYear: this.currentYear() });
    const corrected = correctNumber === null ? [] : [keyed(correctNumber, this.currentYear())];
    return {
      kind: 'not_found',
      number,
      probableMatch: probable,
      replacedBy: this.repository.successors(number.matchKey),
      suggestions: this.known([...corrected, ...neighbours]),
      correctNumber,
      extra,
    };
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

  /** The candidates the index holds, in the order given, once each, read with one query. */
  private known(candidates: readonly Neighbour[]): KnownSuggestion[] {
    const held = this.repository.canonicalsOf([...new Set(candidates.map((c) => c.matchKey))]);
    const out: KnownSuggestion[] = [];
    const offered = new Set<string>();
    for (const { matchKey } of candidates) {
      const canonical = held.get(matchKey);
      if (canonical === undefined || offered.has(canonical)) continue;
      offered.add(canonical);
      out.push({ number: canonical, known: true });
    }
    return out;
  }
}

/** A canonical number with its match key; '' (which no certificate has) when it does not parse. */
function keyed(canonical: string, currentYear: number): Neighbour {
  return { number: canonical, matchKey: normalise(canonical, { currentYear }).numbers[0]?.matchKey ?? '' };
}

const NORMALISED_INPUTS_KEPT = 20_000;
/** Longer inputs are pasted text, not a number typed again. */
const MEMOISED_INPUT_LENGTH = 64;

/**
 * The engine returns at most ten one-edit fixes, but a dropped digit has about a hundred; the
 * index checks more of them, and offers only those naming a certificate it holds.
 */
const SUGGESTIONS_CHECKED = 300;
