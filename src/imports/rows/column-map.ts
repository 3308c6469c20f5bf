import type { AppError } from '../../shared/app-error.ts';
import { missingColumns } from '../imports.errors.ts';
import { type Cell, cellText } from './cells.ts';
import { FIELD_ALIASES, type Field, fieldForHeader, REQUIRED_FIELDS } from './fields.ts';
import type { ColumnMap } from './source-row.ts';

/** Title rows above the header ("XX公司产品信息导入模板") are allowed, but not pages of them. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Reads a header row; null when the row names no certificate-number column, so the caller can
 * keep looking below a title row.
 */
export function columnMapFrom(headerRow: number, cells: readonly Cell[]): ColumnMap | null {
  const header = cells.map((cell) => cellText(cell));
  const columns = new Map<Field, number[]>();
  const ignored: string[] = [];
  header.forEach((text, index) => {
    const field = fieldForHeader(text);
    if (field) columns.set(field, [...(columns.get(field) ?? []), index]);
    else if (text !== '') ignored.push(text);
  });
  if (!columns.has('number')) return null;
  return { headerRow, header, columns, ignored };
}

/** Refuses a file whose header lacks a required column: none of its rows could be stored. */
export function assertRequiredColumns(present: ReadonlySet<Field>, headerRow: number | null): void {
  const missing = REQUIRED_FIELDS.filter((field) => !present.has(field));
  if (missing.length > 0) {
    throw missingColumns(
      missing.map((field) => ({ field, expected: [...FIELD_ALIASES[field]] })),
      headerRow,
    );
  }
}

/** No row looked like a header: every required column is missing. */
export function noHeaderFound(): AppError {
  return missingColumns(
    REQUIRED_FIELDS.map((field) => ({ field, expected: [...FIELD_ALIASES[field]] })),
    null,
  );
}

const fieldOfKey = new Map<string, Field | null>();

/** The fields of a JSON Lines object, each from its first filled key. */
export function recordKeys(record: Readonly<Record<string, Cell>>): Map<Field, string> {
  const keys = new Map<Field, string>();
  for (const key of Object.keys(record)) {
    let field = fieldOfKey.get(key);
    if (field === undefined) {
      field = fieldForHeader(key);
      // Bounded: a file with a different key on every line must not grow this without end.
      if (fieldOfKey.size < 10_000) fieldOfKey.set(key, field);
    }
    if (!field) continue;
    const current = keys.get(field);
    if (current === undefined || (cellText(record[current]) === '' && cellText(record[key]) !== '')) keys.set(field, key);
  }
  return keys;
}
