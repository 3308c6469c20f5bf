import type { AutofillPayload } from '../autofill/autofill.ts';
import type { LookupOutcome } from '../certificates/lookup/lookup.service.ts';
import { type Cell, cellText } from '../imports/rows/cells.ts';
import type { Field } from '../imports/rows/fields.ts';
import { isHintRow } from '../imports/rows/hint-row.ts';
import { parseImportDate } from '../imports/rows/import-dates.ts';
import type { ColumnMap } from '../imports/rows/source-row.ts';
import type { CorrectedRow } from './output/corrected-writer.ts';
import { type RowReport, type RowStatus, STATUS_LABELS } from './prechecks.schemas.ts';
import type { TicketLinks } from './ticket-links.ts';

/** The lookup of one number cell, as the auto-fill routes make it (a miss of a 粤 number opens or joins a ticket). */
export type RowLookup = (input: string) => Promise<LookupOutcome<AutofillPayload>>;

export type CheckedRow =
  | { kind: 'blank' | 'hint'; corrected: CorrectedRow }
  | { kind: 'checked'; report: RowReport; corrected: CorrectedRow };

/** Where the two added columns sit: after the template's last header, or where an earlier check put them. */
export interface ResultColumns {
  status: number;
  note: number;
}

/** The form's fields a pre-check fills when the clerk left them empty (docs/certificates.md §3). */
const FILLED: readonly { field: Field; from: (payload: AutofillPayload) => string | null; date: boolean }[] = [
  { field: 'productName', from: (p) => p.productName, date: false },
  { field: 'holder', from: (p) => p.holder, date: false },
  { field: 'approvalDate', from: (p) => p.approvalDate, date: true },
  { field: 'effectiveDate', from: (p) => p.effectiveDate, date: true },
  { field: 'expiryDate', from: (p) => p.expiryDate, date: true },
];

const FIELD_NAMES: Partial<Record<Field, string>> = {
  approvalDate: '批准日期',
  effectiveDate: '生效日期',
  expiryDate: '有效期至',
};

/**
 * Checks one data row of a template: its number through the number engine and the store, its empty
 * fields filled from the store with the form's date rules applied, and a verdict in Chinese. Never
 * writes certificate data; a missing 粤 number opens or joins a ticket through the lookup.
 */
export class RowChecker {
  private readonly numberColumn: number;

  constructor(
    private readonly map: ColumnMap,
    private readonly results: ResultColumns,
    private readonly lookup: RowLookup,
    private readonly tickets: TicketLinks,
  ) {
    this.numberColumn = map.columns.get('number')?.[0] ?? 0;
  }

  async check(row: number, source: readonly Cell[]): Promise<CheckedRow> {
    const cells = source.slice();
    while (cells.length <= Math.max(this.results.status, this.results.note)) cells.push(null);
    // A re-checked file brings its old verdict: it is not part of what the clerk typed.
    cells[this.results.status] = null;
    cells[this.results.note] = null;
    const input = cellText(cells[this.numberColumn]);
    const filled = cells.map((cell) => cellText(cell)).filter((text) => text !== '');
    if (filled.length === 0) return { kind: 'blank', corrected: { row, cells: source, previous: new Map() } };
    if (isHintRow(input, filled)) return { kind: 'hint', corrected: { row, cells: source, previous: new Map() } };

    const report: RowReport = {
      row,
      status: 'not_reportable',
      input,
      number: null,
      changes: [],
      notes: [],
      ticket: null,
      ticketRefused: false,
      suggestions: [],
    };
    const previous = new Map<number, string>();
    if (input === '') {
      report.notes.push('未填写注册证编号/备案编号。');
    } else {
      const outcome = await this.lookup(input);
      report.status = this.apply(outcome, report, cells, previous, row);
    }
    cells[this.results.status] = STATUS_LABELS[report.status];
    cells[this.results.note] = report.notes.join(' ');
    return { kind: 'checked', report, corrected: { row, cells, previous } };
  }

  private apply(
    outcome: LookupOutcome<AutofillPayload>,
    report: RowReport,
    cells: Cell[],
    previous: Map<number, string>,
    row: number,
  ): RowStatus {
    const change = (index: number, field: Field, after: string, reason: 'canonical_number' | 'filled_from_store') => {
      const before = cellText(cells[index]);
      previous.set(index, typeof cells[index] === 'string' ? (cells[index] as string) : before);
      cells[index] = after;
      report.changes.push({ column: this.map.header[index] ?? '', field, before, after, reason });
    };
    switch (outcome.kind) {
      case 'invalid': {
        report.notes.push(`证号无法识别：${outcome.error.message.zh}`);
        report.suggestions = outcome.suggestions.map((s) => s.number);
        if (report.suggestions.length > 0) report.notes.push(`是否为 ${report.suggestions.slice(0, 3).join('、')}？`);
        return 'not_reportable';
      }
      case 'multiple': {
        report.notes.push(
          `一个单元格中有 ${outcome.numbers.length} 个证号（${outcome.numbers.map((n) => n.canonical).join('、')}），每行只能填报一个产品。`,
        );
        return 'not_reportable';
      }
      case 'not_found': {
        report.number = outcome.number.canonical;
        if (outcome.number.canonical !== cells[this.numberColumn])
          change(this.numberColumn, 'number', outcome.number.canonical, 'canonical_number');
        report.suggestions = outcome.suggestions.map((s) => s.number);
        this.noteMissing(outcome, report, row);
        if (report.suggestions.length > 0)
          report.notes.push(`库中有相近证号 ${report.suggestions.slice(0, 3).join('、')}，请核对是否填错。`);
        return 'not_listed';
      }
      case 'found': {
        const payload = outcome.found;
        report.number = payload.number;
        if (payload.number !== cells[this.numberColumn]) change(this.numberColumn, 'number', payload.number, 'canonical_number');
        for (const { field, from, date } of FILLED) {
          const value = from(payload);
          const columns = this.map.columns.get(field);
          if (value === null || !columns) continue;
          const current = columns.map((index) => cells[index]).find((cell) => cellText(cell) !== '');
          if (current === undefined) change(columns[0]!, field, value, 'filled_from_store');
          else if (date && !sameDate(current, value)) report.notes.push(`${FIELD_NAMES[field]}与库中记录（${value}）不一致，请核对。`);
        }
        if (!payload.reportable)
          report.notes.push(...payload.notes.filter((note) => !note.startsWith('按旧') && !note.startsWith('第一类')));
        else if (!payload.datesKnown) report.notes.push('库中没有该证的日期，批准日期、生效日期、有效期至需按证书原件填写。');
        const changed = report.changes.length > 0;
        if (changed) report.notes.unshift(describeChanges(report.changes));
        if (!payload.reportable) return 'not_reportable';
        return changed ? 'corrected' : 'passed';
      }
    }
  }

  private noteMissing(outcome: Extract<LookupOutcome<unknown>, { kind: 'not_found' }>, report: RowReport, row: number): void {
    const { number, extra } = outcome;
    if (number.authority !== '粤') {
      report.notes.push('库中未收录该证书；非广东省内审批的产品可由企业按照实际情况自行填报。');
      return;
    }
    const ticket = extra.ticket as { ref: string; href: string; opened: boolean } | null | undefined;
    if (ticket) {
      // Said from the file's side: the row that repeats a number shares the ticket its first row opened.
      const linked = this.tickets.link(ticket, number.canonical, row);
      report.ticket = linked;
      report.notes.push(`库中暂未收录该广东证书，${linked.opened ? '已新建' : '已加入'}补录工单 ${linked.ref}，补录后即可自动填写。`);
    } else {
      report.ticketRefused = true;
      report.notes.push('库中暂未收录该广东证书；本小时新建补录工单的数量已达上限，未新建工单，请稍后再核查。');
    }
  }
}

function describeChanges(changes: RowReport['changes']): string {
  return `已更正：${changes.map((c) => (c.reason === 'canonical_number' ? `证号改为规范写法 ${c.after}` : `补填${c.column}`)).join('，')}。`;
}

function sameDate(cell: Cell, iso: string): boolean {
  const parsed = parseImportDate(cell);
  return parsed.ok ? parsed.date === iso : cellText(cell) === iso;
}
