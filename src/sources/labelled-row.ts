import type { Cell } from '../imports/rows/cells.ts';
import { type Field, fieldForHeader } from '../imports/rows/fields.ts';
import type { SourceRow } from '../imports/rows/source-row.ts';

/** Labels (or column headers) as printed, with the text next to / under each. */
export type LabelledValues = ReadonlyMap<string, string>;

/** The fields a page must name for its records to be stored at all. */
export const REQUIRED_PAGE_FIELDS: readonly Field[] = ['number', 'productName', 'approvalDate'];

/** Which fields a set of labels names, in label order; the same vocabulary as file imports. */
export function fieldsOf(labels: Iterable<string>): Map<Field, string[]> {
  const fields = new Map<Field, string[]>();
  for (const label of labels) {
    const field = fieldForHeader(label);
    if (!field) continue;
    const list = fields.get(field) ?? [];
    list.push(label);
    fields.set(field, list);
  }
  return fields;
}

/** Required fields no label names: non-empty means the layout is not the one we know. */
export function missingFields(fields: ReadonlyMap<Field, readonly string[]>): Field[] {
  return REQUIRED_PAGE_FIELDS.filter((field) => !fields.has(field));
}

/** Human names for the required fields, for the "layout changed" message. */
export const FIELD_LABELS: Readonly<Partial<Record<Field, string>>> = {
  number: '注册证编号/备案编号',
  productName: '产品名称',
  approvalDate: '批准日期/备案日期',
};

/**
 * A page record seen through the import's field vocabulary, so a scraped record is validated by
 * exactly the rules a file row is (numbers, dates, document types).
 */
export class LabelledRow implements SourceRow {
  private readonly fields: Map<Field, string[]>;

  constructor(
    readonly row: number,
    private readonly values: LabelledValues,
  ) {
    this.fields = fieldsOf(values.keys());
  }

  cell(field: Field): Cell | undefined {
    for (const label of this.fields.get(field) ?? []) {
      const value = this.values.get(label);
      if (value) return value;
    }
    return undefined;
  }

  column(field: Field): string {
    const labels = this.fields.get(field) ?? [];
    return labels.find((label) => this.values.get(label)) ?? labels[0] ?? field;
  }

  filledTexts(): string[] {
    return [...this.values.values()].filter((text) => text !== '');
  }
}
