import type { IsoDate } from '../src/shared/dates.ts';
import { addDays, dateBetween, minDate, validityEnd } from './demo-dates.ts';
import { certificateFields, type DocDraft, type HistoryContext, type ProductState } from './demo-drafts.ts';
import { type RegistrationParts, registrationNumber } from './demo-numbers.ts';
import { changeCount, changeDates, changeDocument, drawChange } from './history-changes.ts';
import { CATALOGUE_2017_FROM } from './vocabulary/products.ts';

/** Registrations are valid five years (docs/certificates.md §2). */
const REGISTRATION_YEARS = 5;
/** Certificates issued from 2022 print 生效日期. */
const PRINTS_EFFECTIVE_DATE_FROM: IsoDate = '2022-01-01';

const RENEWAL_RATE = 0.78;
const LATE_RENEWAL_RATE = 0.1;
/** Share of renewals of 2002-coded numbers that re-code them to the 2017 catalogue (docs/numbers.md §1). */
const RECODE_RATE = 0.12;

interface RegistrationStart {
  parts: RegistrationParts;
  approval: IsoDate;
  state: ProductState;
  /** 原注册证编号, for a certificate that replaced a legacy one. */
  previousNumbers?: string[];
}

/**
 * A registration's documents: the first registration, change documents within each period, and
 * renewals until one is refused, still pending on `today`, or never applied for. A renewal approved
 * before the old expiry takes effect the day after it; a late one on its approval date. A renewal
 * may re-code a 2002-coded number, and then carries the new number: the caller splits by number.
 */
export function registrationHistory(ctx: HistoryContext, start: RegistrationStart): DocDraft[] {
  const { rng, today } = ctx;
  let parts = start.parts;
  let number = registrationNumber(parts);
  let state = start.state;
  let periodStart = start.approval;
  let expiry = validityEnd(start.approval, REGISTRATION_YEARS);
  const docs: DocDraft[] = [
    {
      number,
      asIssued: number,
      documentType: 'registration',
      approvalDate: start.approval,
      effectiveDate: start.approval >= PRINTS_EFFECTIVE_DATE_FROM ? start.approval : null,
      expiryDate: expiry,
      ...certificateFields(state, ctx.department(start.approval)),
      remarks: start.previousNumbers ? `原注册证编号：${start.previousNumbers.join('、')}` : null,
      ...(start.previousNumbers ? { previousNumbers: start.previousNumbers } : {}),
    },
  ];

  for (;;) {
    let renewal: IsoDate | null = null;
    if (rng.chance(RENEWAL_RATE)) {
      renewal = rng.chance(LATE_RENEWAL_RATE)
        ? dateBetween(rng, addDays(expiry, 1), addDays(expiry, 60))
        : dateBetween(rng, addDays(expiry, -150), addDays(expiry, -1));
      if (renewal > today) renewal = null;
    }

    const changesUntil = minDate(minDate(addDays(expiry, -30), today), renewal ? addDays(renewal, -1) : today);
    for (const date of changeDates(rng, addDays(periodStart, 30), changesUntil, changeCount(rng))) {
      const change = drawChange(rng, state, '注册人');
      state = change.state;
      docs.push(changeDocument(number, number, date, expiry, change, ctx.department(date)));
    }
    if (!renewal) break;

    const effective = renewal <= expiry ? addDays(expiry, 1) : renewal;
    const previous = number;
    const recoded = recodeOnRenewal(ctx, parts, start.approval, state, renewal);
    if (recoded) {
      parts = recoded;
      number = registrationNumber(parts);
    }
    expiry = validityEnd(effective, REGISTRATION_YEARS);
    docs.push({
      number,
      asIssued: number,
      documentType: 'renewal',
      approvalDate: renewal,
      effectiveDate: renewal >= PRINTS_EFFECTIVE_DATE_FROM ? effective : null,
      expiryDate: expiry,
      ...certificateFields(state, ctx.department(renewal)),
      remarks: recoded ? `原注册证编号：${previous}` : null,
      ...(recoded ? { previousNumbers: [previous] } : {}),
    });
    periodStart = effective;
  }
  return docs;
}

/**
 * The parts under the 2017 catalogue when this renewal re-codes the number. Only renewals that print
 * 生效日期 re-code, because the new number starts a certificate of its own whose first document
 * must state when it takes effect (no earlier expiry is stored under that number).
 */
function recodeOnRenewal(
  ctx: HistoryContext,
  parts: RegistrationParts,
  firstApproval: IsoDate,
  state: ProductState,
  renewal: IsoDate,
): RegistrationParts | null {
  if (firstApproval >= CATALOGUE_2017_FROM || renewal < PRINTS_EFFECTIVE_DATE_FROM) return null;
  if (parts.code === state.kind.code2017 || !ctx.rng.chance(RECODE_RATE)) return null;
  return { ...parts, code: state.kind.code2017 };
}
