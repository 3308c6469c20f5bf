import { type Cell, cellText } from './cells.ts';
import type { Field } from './fields.ts';

/** A data row seen through its columns' meaning, whatever file it came from. */
export interface SourceRow {
  readonly row: number;
  /** The field's value: the first filled cell among the columns that name it. */
  cell(field: Field): Cell | undefined;
  /** The header of the column the field's value came from, for messages ("注册证编号"). */
  column(field: Field): string;
  /** Every filled cell as text, to recognise hint rows. */
  filledTexts(): string[];
}

/** Where each field lives in a sheet: several columns may name one field (注册证编号 and 备案编号). */
export interface ColumnMap {
  headerRow: number;
  header: readonly string[];
  columns: ReadonlyMap<Field, readonly number[]>;
  ignored: readonly string[];
}

export class GridSourceRow implements SourceRow {
  constructor(
    private readonly map: ColumnMap,
    readonly row: number,
    private readonly cells: readonly Cell[],
  ) {}

  cell(field: Field): Cell | undefined {
    const indices = this.map.columns.get(field);
    if (!indices) return undefined;
    for (const index of indices) {
      if (cellText(this.cells[index]) !== '') return this.cells[index];
    }
    return undefined;
  }

  column(field: Field): string {
    const indices = this.map.columns.get(field) ?? [];
    const filled = indices.find((index) => cellText(this.cells[index]) !== '');
    return this.map.header[filled ?? indices[0] ?? -1] ?? field;
  }

  filledTexts(): string[] {
    const texts: string[] = [];
    for (const cell of this.cells) {
      const text = cellText(cell);
      if (text !== '') texts.push(text);
    }
    return texts;
  }
}

/** A JSON Lines object: keys play the part of headers. */
export class RecordSourceRow implements SourceRow {
  constructor(
    readonly row: number,
    private readonly record: Readonly<Record<string, Cell>>,
    private readonly keys: ReadonlyMap<Field, string>,
  ) {}

  cell(field: Field): Cell | undefined {
    const key = this.keys.get(field);
    return key === undefined ? undefined : this.record[key];
  }

  column(field: Field): string {
    return this.keys.get(field) ?? field;
  }

  filledTexts(): string[] {
    return Object.values(this.record)
      .map(cellText)
      .filter((text) => text !== '');
  }
}
