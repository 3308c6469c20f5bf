import type { AppError } from '../../shared/app-error.ts';
import { certificateNotFound, invalidCertificateNumber, multipleNumbers } from '../certificates.errors.ts';
import type { LookupOutcome } from './lookup.service.ts';

/** Whether the input was one query or one item of a batch: the advice for several numbers differs. */
export type LookupRoute = 'single' | 'batch';

/** The problem a lookup that found nothing answers with; shared by single and batch routes. */
export function missToError(outcome: Exclude<LookupOutcome<unknown>, { kind: 'found' }>, route: LookupRoute): AppError {
  switch (outcome.kind) {
    case 'invalid':
      return invalidCertificateNumber(outcome.input, outcome.error, outcome.suggestions);
    case 'multiple':
      return multipleNumbers(outcome.numbers, route);
    case 'not_found':
      return certificateNotFound(outcome);
  }
}
