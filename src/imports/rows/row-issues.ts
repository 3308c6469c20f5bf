import type { BilingualText } from '../../shared/app-error.ts';

export type IssueSeverity = 'rejected' | 'warning';

/** A problem with one row: a rejection (the row is not stored) or a warning (stored, with a value dropped). */
export interface RowIssue {
  row: number;
  column: string | null;
  severity: IssueSeverity;
  /** Stable code: `number_<normaliser reason>`, `missing_value`, `invalid_date`, … */
  reason: string;
  message: BilingualText;
  value: string | null;
}

type Detail = Omit<RowIssue, 'row' | 'column' | 'value' | 'severity'>;

/**
 * A copy of the issue that holds no reference into the file's text. Cell strings are slices of
 * the 1 MB chunk they were parsed from, and V8 keeps the whole chunk alive for as long as a slice
 * lives: an issue kept for the report would otherwise pin a megabyte of file per rejected row.
 */
export function detachIssue(issue: RowIssue): RowIssue {
  return {
    row: issue.row,
    column: issue.column === null ? null : copyString(issue.column),
    severity: issue.severity,
    reason: copyString(issue.reason),
    message: { zh: copyString(issue.message.zh), en: copyString(issue.message.en) },
    value: issue.value === null ? null : copyString(issue.value),
  };
}

function copyString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The catalogue of row problems, each with text built from the facts of the row. */
export const issues = {
  missingValue: (column: string): Detail => ({
    reason: 'missing_value',
    message: { zh: `“${column}”为必填项，此行为空。`, en: `"${column}" is required and is empty on this row.` },
  }),
  invalidNumber: (reason: string, message: BilingualText): Detail => ({ reason: `number_${reason}`, message }),
  severalNumbers: (found: readonly string[]): Detail => ({
    reason: 'several_numbers',
    message: {
      zh: `一行只能填写一个证号，此处有 ${found.length} 个：${found.join('、')}。请拆成多行。`,
      en: `One row takes one number; this cell holds ${found.length}: ${found.join(', ')}. Split it into rows.`,
    },
  }),
  invalidDate: (column: string): Detail => ({
    reason: 'invalid_date',
    message: {
      zh: `“${column}”不是有效日期（可用 2023-05-01、2023/5/1、2023年5月1日、20230501）。`,
      en: `"${column}" is not a valid date (use 2023-05-01, 2023/5/1, 2023年5月1日 or 20230501).`,
    },
  }),
  approvalInFuture: (date: string, today: string): Detail => ({
    reason: 'approval_in_future',
    message: { zh: `批准日期 ${date} 晚于今天（${today}）。`, en: `The approval date ${date} is after today (${today}).` },
  }),
  dateOrder: (reason: string, later: { name: BilingualText; date: string }, earlier: { name: BilingualText; date: string }): Detail => ({
    reason,
    message: {
      zh: `${later.name.zh}（${later.date}）早于${earlier.name.zh}（${earlier.date}）。`,
      en: `The ${later.name.en} (${later.date}) is before the ${earlier.name.en} (${earlier.date}).`,
    },
  }),
  unknownDocumentType: (): Detail => ({
    reason: 'unknown_document_type',
    message: {
      zh: '文件类型应为：注册证、延续注册、变更注册文件、备案凭证、变更备案。',
      en: 'The document type must be one of 注册证, 延续注册, 变更注册文件, 备案凭证, 变更备案.',
    },
  }),
  documentTypeMismatch: (filing: boolean): Detail => ({
    reason: 'document_type_mismatch',
    message: filing
      ? { zh: '备案编号只能对应备案凭证或变更备案。', en: 'A filing number goes with a filing or a filing change only.' }
      : { zh: '注册证编号不能对应备案凭证。', en: 'A registration number cannot go with a filing document.' },
  }),
  filingExpiryDropped: (): Detail => ({
    reason: 'filing_expiry_dropped',
    message: {
      zh: '第一类备案凭证没有有效期，已忽略“有效期至”，其余内容已导入。',
      en: 'A class I filing has no expiry: the expiry was ignored and the rest of the row imported.',
    },
  }),
  previousNumberDropped: (reason: BilingualText): Detail => ({
    reason: 'previous_number_dropped',
    message: {
      zh: `原注册证编号无法识别，已忽略（${reason.zh}），其余内容已导入。`,
      en: `The previous number was not recognised and was ignored (${reason.en}); the rest of the row was imported.`,
    },
  }),
  invalidJson: (detail: string): Detail => ({
    reason: 'invalid_json',
    message: { zh: `此行不是有效的 JSON 对象：${detail}`, en: `This line is not a valid JSON object: ${detail}` },
  }),
  valueTooLong: (column: string, limit: number): Detail => ({
    reason: 'value_too_long',
    message: { zh: `“${column}”超过 ${limit} 个字符。`, en: `"${column}" is longer than ${limit} characters.` },
  }),
};

export const DATE_NAMES = {
  approvalDate: { zh: '批准日期', en: 'approval date' },
  effectiveDate: { zh: '生效日期', en: 'effective date' },
  expiryDate: { zh: '有效期至', en: 'expiry date' },
} as const satisfies Record<string, BilingualText>;
