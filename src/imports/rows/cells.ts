/** A cell as a reader delivers it: CSV gives text, XLSX and JSON Lines may give numbers and dates. */
export type Cell = string | number | boolean | Date | null;

/** One row of a sheet, numbered as the user sees it (Excel's row number, the CSV record, the JSONL line). */
export interface GridRow {
  row: number;
  cells: Cell[];
}

/** Texts that mean "nothing here" in filled-in templates. */
const PLACEHOLDERS = new Set(['', '/', '-', '--', '—', '——', '无', '空', 'n/a', 'na', 'null', 'none', '#n/a']);
const LONGEST_PLACEHOLDER = 4;

/** The cell as trimmed text; placeholders and blanks become ''. Runs for every cell of every row. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const text = cell.trim();
    return text.length <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(text.toLowerCase()) ? '' : text;
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/**
 * Full-width letters, digits and punctuation folded to ASCII (NFKC). Runs on every row, so the
 * costly normalisation is skipped for the many cells that have no full-width character.
 */
export function foldWidth(text: string): string {
  return FULL_WIDTH.test(text) ? text.normalize('NFKC') : text;
}
