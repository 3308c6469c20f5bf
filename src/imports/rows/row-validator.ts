import {
  DOCUMENT_TEXT_FIELD_NAMES,
  type DocumentFields,
  type DocumentType,
  type Provenance,
  type VersionInput,
} from '../../certificates/version-input.ts';
import { normalise } from '../../numbers/normalise.ts';
import type { ParsedNumber } from '../../numbers/number.types.ts';
import { cellText } from './cells.ts';
import { documentTypeFits, documentTypeFromText, inferDocumentType } from './document-type.ts';
import { type Field, fieldForHeader } from './fields.ts';
import { isHintRow, isHintText } from './hint-row.ts';
import { parseImportDate } from './import-dates.ts';
import { DATE_NAMES, type IssueSeverity, issues, type RowIssue } from './row-issues.ts';
import type { SourceRow } from './source-row.ts';

export interface RowContext {
  currentYear: number;
  today: string;
  provenance: Omit<Provenance, 'sourceRow'>;
}

type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'hint' }
  | { kind: 'accepted'; input: VersionInput; warnings: RowIssue[] }
  | { kind: 'rejected'; issues: RowIssue[] };

type Detail = Pick<RowIssue, 'reason' | 'message'>;

/** Longer than any real certificate field: a cell this long is a paste gone wrong. */
const MAX_TEXT_LENGTH = 20_000;
const MAX_REPORTED_VALUE = 500;

const TEXT_FIELDS = DOCUMENT_TEXT_FIELD_NAMES satisfies readonly (Field & keyof DocumentFields)[];

type DateField = keyof typeof DATE_NAMES;
const DATE_FIELDS: readonly DateField[] = ['approvalDate', 'effectiveDate', 'expiryDate'];

/** Expiry columns of filings often say "长期" or "无"; these mean "no expiry", not a bad date. */
const NO_EXPIRY = new Set(['长期', '永久', '长期有效', '不适用', '无期限']);

const BLANK: RowOutcome = { kind: 'blank' };
const HINT: RowOutcome = { kind: 'hint' };

/** Turns one row into a document to store, or says why it cannot be one. Runs once per row: kept lean. */
export function validateRow(source: SourceRow, context: RowContext): RowOutcome {
  const numberText = cellText(source.cell('number'));
  if (numberText === '') {
    const filled = source.filledTexts();
    if (filled.length === 0) return BLANK;
    if (isHintRow('', filled)) return HINT;
  } else if (isHintText(numberText) || isRepeatedHeader(numberText)) {
    return HINT;
  }
  return new RowCheck(source, context).run(numberText);
}

/** Two templates pasted together repeat the header: template furniture, like a hint row. */
function isRepeatedHeader(numberText: string): boolean {
  return !/\d/.test(numberText) && fieldForHeader(numberText) === 'number';
}

/** Every document field present, so that all rows' objects share one shape (V8 keeps them fast). */
function emptyFields(): Required<DocumentFields> {
  return {
    approvalDate: null,
    effectiveDate: null,
    expiryDate: null,
    productName: null,
    holder: null,
    holderAddress: null,
    productionAddress: null,
    agentName: null,
    agentAddress: null,
    modelSpec: null,
    structure: null,
    scope: null,
    approvalDepartment: null,
    changeDescription: null,
    remarks: null,
  };
}

class RowCheck {
  private readonly problems: RowIssue[] = [];
  private readonly warnings: RowIssue[] = [];
  private readonly fields = emptyFields();

  constructor(
    private readonly source: SourceRow,
    private readonly context: RowContext,
  ) {}

  run(numberText: string): RowOutcome {
    const number = this.number(numberText);
    this.readTexts();
    this.readDates();
    const documentType = number ? this.documentType(number) : null;
    if (!number || !documentType || this.problems.length > 0) return { kind: 'rejected', issues: this.problems };

    if (number.family === 'filing' && this.fields.expiryDate) {
      this.add(this.warnings, 'expiryDate', issues.filingExpiryDropped(), 'warning');
      this.fields.expiryDate = null;
    }
    const { source, sourceRef, fetchedAt, importRunId } = this.context.provenance;
    const f = this.fields;
    const input: VersionInput = {
      approvalDate: f.approvalDate,
      effectiveDate: f.effectiveDate,
      expiryDate: f.expiryDate,
      productName: f.productName,
      holder: f.holder,
      holderAddress: f.holderAddress,
      productionAddress: f.productionAddress,
      agentName: f.agentName,
      agentAddress: f.agentAddress,
      modelSpec: f.modelSpec,
      structure: f.structure,
      scope: f.scope,
      approvalDepartment: f.approvalDepartment,
      changeDescription: f.changeDescription,
      remarks: f.remarks,
      number,
      asIssued: numberText,
      documentType,
      previousNumbers: this.previousNumbers(),
      provenance: { source, sourceRef, sourceRow: this.source.row, fetchedAt, importRunId },
    };
    return { kind: 'accepted', input, warnings: this.warnings };
  }

  private number(text: string): ParsedNumber | null {
    if (text === '') {
      this.reject('number', issues.missingValue(this.source.column('number')));
      return null;
    }
    // What is stored is the number as the engine reads it (docs/numbers.md §4 item 8): letters for digits are refused.
    const { numbers, error } = normalise(text, { currentYear: this.context.currentYear, acceptLetterDigits: false });
    if (numbers.length === 1) return numbers[0]!;
    if (numbers.length > 1) this.reject('number', issues.severalNumbers(numbers.map((n) => n.canonical)));
    else
      this.reject(
        'number',
        issues.invalidNumber(error?.reason ?? 'unrecognised', error?.message ?? { zh: '无法识别的证号。', en: 'Unrecognised number.' }),
      );
    return null;
  }

  private readTexts(): void {
    for (const field of TEXT_FIELDS) {
      const text = cellText(this.source.cell(field));
      if (text.length > MAX_TEXT_LENGTH) this.reject(field, issues.valueTooLong(this.source.column(field), MAX_TEXT_LENGTH));
      else if (text !== '') this.fields[field] = text;
    }
    if (!this.fields.productName) this.reject('productName', issues.missingValue(this.source.column('productName')));
  }

  private readDates(): void {
    const { fields, context } = this;
    for (const field of DATE_FIELDS) {
      const cell = this.source.cell(field);
      const text = cellText(cell);
      if (text === '') {
        if (field === 'approvalDate') this.reject(field, issues.missingValue(this.source.column(field)));
        continue;
      }
      if (field === 'expiryDate' && NO_EXPIRY.has(text)) continue;
      const parsed = parseImportDate(cell ?? null);
      if (parsed.ok) fields[field] = parsed.date;
      else this.reject(field, issues.invalidDate(this.source.column(field)));
    }
    if (fields.approvalDate && fields.approvalDate > context.today) {
      this.reject('approvalDate', issues.approvalInFuture(fields.approvalDate, context.today));
    }
    this.order('effective_before_approval', 'effectiveDate', 'approvalDate');
    this.order('expiry_before_approval', 'expiryDate', 'approvalDate');
    this.order('expiry_before_effective', 'expiryDate', 'effectiveDate');
  }

  private order(reason: string, later: DateField, earlier: DateField): void {
    const a = this.fields[later];
    const b = this.fields[earlier];
    if (a && b && a < b) {
      this.reject(later, issues.dateOrder(reason, { name: DATE_NAMES[later], date: a }, { name: DATE_NAMES[earlier], date: b }));
    }
  }

  private documentType(number: ParsedNumber): DocumentType | null {
    const text = cellText(this.source.cell('documentType'));
    if (text === '') return inferDocumentType(number);
    const named = documentTypeFromText(text);
    if (!named) this.reject('documentType', issues.unknownDocumentType());
    else if (!documentTypeFits(named, number)) this.reject('documentType', issues.documentTypeMismatch(number.family === 'filing'));
    else return named;
    return null;
  }

  /** 原注册证编号 helps link old and new numbers; an unreadable one is dropped, not the row. */
  private previousNumbers(): ParsedNumber[] {
    const text = cellText(this.source.cell('previousNumbers'));
    if (text === '') return [];
    // What is stored is the number as the engine reads it (docs/numbers.md §4 item 8): letters for digits are refused.
    const { numbers, error } = normalise(text, { currentYear: this.context.currentYear, acceptLetterDigits: false });
    if (numbers.length === 0) {
      this.add(
        this.warnings,
        'previousNumbers',
        issues.previousNumberDropped(error?.message ?? { zh: '无法识别', en: 'unrecognised' }),
        'warning',
      );
    }
    return numbers;
  }

  private reject(field: Field, detail: Detail): void {
    this.add(this.problems, field, detail, 'rejected');
  }

  private add(list: RowIssue[], field: Field, detail: Detail, severity: IssueSeverity): void {
    const value = cellText(this.source.cell(field));
    list.push({
      row: this.source.row,
      column: this.source.column(field),
      severity,
      ...detail,
      value: value === '' ? null : value.slice(0, MAX_REPORTED_VALUE),
    });
  }
}
