import type { ParsedNumber } from '../numbers/number.types.ts';
import { buildAutofill, type AutofillPayload } from './autofill.ts';
import type { AutofillCache } from './autofill-cache.ts';
import type { CertificatesRepository } from './certificates.repository.ts';

/** The form's payload for a number, or null when the index does not hold it. */
export class AutofillService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly cache: AutofillCache,
    private readonly today: () => string,
  ) {}

  payloadFor(number: ParsedNumber): AutofillPayload | null {
    const today = this.today();
    const cached = this.cache.get(number.matchKey, today);
    if (cached) return cached;
    const versions = this.repository.autofillVersions(number.matchKey);
    if (!versions) return null;
    const payload = buildAutofill(number, versions, today);
    this.cache.set(number.matchKey, today, payload);
    return payload;
  }
}
