import type { Provenance, VersionInput } from '../certificates/version-input.ts';
import type { Cell } from '../imports/rows/cells.ts';
import type { Field } from '../imports/rows/fields.ts';
import { validateRow } from '../imports/rows/row-validator.ts';
import type { SourceRow } from '../imports/rows/source-row.ts';
import { normalise } from '../numbers/normalise.ts';
import { numberMismatch, resolutionInvalid } from './tickets.errors.ts';

/** The resolve form's fields, each labelled as on the certificate. */
export const FORM_LABELS = {
  number: '注册证编号/备案编号',
  documentType: '文件类型',
  productName: '产品名称',
  holder: '注册人/备案人名称',
  approvalDate: '批准日期/备案日期',
  effectiveDate: '生效日期',
  expiryDate: '有效期至',
  modelSpec: '型号规格',
  structure: '结构及组成',
  scope: '适用范围',
  holderAddress: '注册人住所',
  productionAddress: '生产地址',
  agentName: '代理人名称',
  agentAddress: '代理人住所',
  approvalDepartment: '审批部门',
  changeDescription: '变更情况',
  remarks: '备注',
} as const satisfies Partial<Record<Field, string>>;

export type FormField = keyof typeof FORM_LABELS;
export type ResolutionForm = { number: string } & Partial<Record<Exclude<FormField, 'number'>, string | null | undefined>>;

export type FormIssue = {
  field: FormField | null;
  column: string | null;
  reason: string;
  message: { zh: string; en: string };
  /** For a number the engine rejected: the valid numbers one edit away, as the engine gives them. */
  suggestions?: string[];
};

const FIELD_BY_LABEL = new Map<string, FormField>(Object.entries(FORM_LABELS).map(([field, label]) => [label, field as FormField]));

/** The form seen as an import row, so it is validated exactly like one (docs/certificates.md §2 dates included). */
class FormRow implements SourceRow {
  readonly row = 1;
  constructor(private readonly form: ResolutionForm) {}
  cell(field: Field): Cell | undefined {
    return field in FORM_LABELS ? (this.form[field as FormField] ?? undefined) : undefined;
  }
  column(field: Field): string {
    return FORM_LABELS[field as FormField] ?? field;
  }
  filledTexts(): string[] {
    return Object.values(this.form).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  }
}

/**
 * Turns the technician's entry into the version to store. Beyond an import row's rules, a
 * registration needs its expiry (有效期至) and a filing must have none; the number must be the
 * ticket's own (a different one is a typo to reject, not a certificate to add).
 */
export function resolutionToVersion(
  form: ResolutionForm,
  ticket: { canonical: string; matchKey: string },
  context: { currentYear: number; today: string; provenance: Omit<Provenance, 'sourceRow'> },
): VersionInput {
  const outcome = validateRow(new FormRow(form), context);
  const problems: FormIssue[] = [];
  if (outcome.kind === 'rejected') {
    for (const issue of outcome.issues) {
      const field = issue.column ? (FIELD_BY_LABEL.get(issue.column) ?? null) : null;
      const suggestions = field === 'number' ? engineSuggestions(form.number, context.currentYear) : [];
      problems.push({
        field,
        column: issue.column,
        reason: issue.reason,
        message: issue.message,
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
    throw resolutionInvalid(problems);
  }
  if (outcome.kind !== 'accepted') {
    throw resolutionInvalid([
      {
        field: 'number',
        column: FORM_LABELS.number,
        reason: 'missing_value',
        message: { zh: '请填写证书编号。', en: 'Enter the certificate number.' },
      },
    ]);
  }
  const { input } = outcome;
  if (input.number.matchKey !== ticket.matchKey) throw numberMismatch(input.number.canonical, ticket.canonical);
  const filing = input.number.family === 'filing';
  if (!filing && !input.expiryDate) {
    problems.push({
      field: 'expiryDate',
      column: FORM_LABELS.expiryDate,
      reason: 'missing_value',
      message: { zh: '注册证须填写“有效期至”。', en: 'A registration certificate needs its expiry date.' },
    });
  }
  if (filing && form.expiryDate?.trim()) {
    problems.push({
      field: 'expiryDate',
      column: FORM_LABELS.expiryDate,
      reason: 'filing_has_no_expiry',
      message: { zh: '第一类备案凭证没有有效期，“有效期至”应留空。', en: 'A class I filing has no expiry: leave the expiry date empty.' },
    });
  }
  if (problems.length > 0) throw resolutionInvalid(problems);
  return input;
}

/** The engine's suggestions for a number the form refused, read as strictly as the row validator reads it. */
function engineSuggestions(text: string, currentYear: number): string[] {
  return normalise(text, { currentYear, acceptLetterDigits: false }).error?.suggestions ?? [];
}
