import type { CertificatesRepository } from '../certificates/certificates.repository.ts';
import type { AuthorityOf } from '../certificates/source-precedence.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import { type AutofillPayload, buildAutofill } from './autofill.ts';
import type { AutofillCache, CachedAnswer } from './autofill-cache.ts';

/** The form's payload for a number, or null when the index does not hold it. */
export class AutofillService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly cache: AutofillCache,
    private readonly today: () => string,
    private readonly authorityOf: AuthorityOf,
  ) {}

  /** `asOf` (default today): the day to answer for; answers for other days are not cached. */
  payloadFor(number: ParsedNumber, asOf?: string): AutofillPayload | null {
    return this.answerFor(number, asOf)?.payload ?? null;
  }

  /**
   * The payload as the single lookup route sends it, serialised once per cached answer: numbers
   * are asked about again and again, and serialising and encoding the same answer each time was
   * the largest cost of a cached lookup.
   */
  bodyFor(number: ParsedNumber, serialise: (payload: AutofillPayload) => string, asOf?: string): Buffer | null {
    const answer = this.answerFor(number, asOf);
    if (!answer) return null;
    answer.body ??= Buffer.from(serialise(answer.payload));
    return answer.body;
  }

  private answerFor(number: ParsedNumber, asOf?: string): CachedAnswer | null {
    const today = this.today();
    const day = asOf ?? today;
    const cacheable = day === today;
    const cached = cacheable ? this.cache.get(number.matchKey, today) : undefined;
    // Legacy spellings share a match key but answer with the spelling asked for.
    if (cached && cached.payload.number === number.canonical) return cached;
    const read = this.repository.autofillRead(number.matchKey);
    if (!read) return null;
    const { versions, replacedBy } = read;
    const answer: CachedAnswer = { today: day, payload: buildAutofill(number, versions, day, this.authorityOf, replacedBy), body: null };
    if (cacheable) this.cache.set(number.matchKey, answer);
    return answer;
  }
}
