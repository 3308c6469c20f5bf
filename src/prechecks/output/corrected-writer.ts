import type { Cell } from '../../imports/rows/cells.ts';

/** One row of the corrected file: its cells as they are to be written, and what the changed ones held. */
export interface CorrectedRow {
  row: number;
  cells: readonly Cell[];
  /** Column index → the cell's text before the correction, for the highlight and the 原值 note. */
  previous: ReadonlyMap<number, string>;
}

/** Writes the corrected file row by row, in the format the template came in. */
export interface CorrectedWriter {
  write(row: CorrectedRow): Promise<void> | void;
  /** Completes the file; nothing is readable before. */
  finish(): Promise<void>;
}
