import type { IsoDate } from '../src/shared/dates.ts';
import { addDays } from './demo-dates.ts';
import { certificateFields, type DocDraft, type HistoryContext, type ProductState } from './demo-drafts.ts';
import { filingAsIssued } from './demo-numbers.ts';
import { changeCount, changeDates, drawChange } from './history-changes.ts';

interface FilingStart {
  number: string;
  date: IsoDate;
  state: ProductState;
  /** 原注册证编号, for an imported class I product whose legacy registration became a filing. */
  previousNumbers?: string[];
}

/**
 * A class I filing: the filing and its changes. A filing has no expiry; each change re-issues the
 * whole 备案凭证, printed with （更） after the number about half the time, as seen in real material.
 */
export function filingHistory(ctx: HistoryContext, start: FilingStart): DocDraft[] {
  const { rng } = ctx;
  let state = start.state;
  const docs: DocDraft[] = [
    {
      number: start.number,
      asIssued: filingAsIssued(start.number, start.date),
      documentType: 'filing',
      approvalDate: start.date,
      expiryDate: null,
      ...certificateFields(state, ctx.department(start.date)),
      remarks: start.previousNumbers ? `原注册证编号：${start.previousNumbers.join('、')}` : null,
      ...(start.previousNumbers ? { previousNumbers: start.previousNumbers } : {}),
    },
  ];
  for (const date of changeDates(rng, addDays(start.date, 30), ctx.today, changeCount(rng))) {
    const change = drawChange(rng, state, '备案人');
    state = change.state;
    const printed = filingAsIssued(start.number, date);
    docs.push({
      number: start.number,
      asIssued: rng.chance(0.5) ? `${printed}（更）` : printed,
      documentType: 'filing_change',
      approvalDate: date,
      expiryDate: null,
      ...certificateFields(state, ctx.department(date)),
      changeDescription: change.description,
    });
  }
  return docs;
}
