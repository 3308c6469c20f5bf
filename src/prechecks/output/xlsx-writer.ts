import ExcelJS from 'exceljs';
import type { CorrectedRow, CorrectedWriter } from './corrected-writer.ts';

/** A pale yellow, the fill Excel users already read as "look here". */
const CHANGED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Writes the corrected workbook with exceljs's streaming writer: one sheet of the template's name,
 * each row at its own row number, every changed cell filled and noted with what it held (原值).
 */
export function xlsxWriter(path: string, sheetName: string): CorrectedWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    write({ row, cells, previous }: CorrectedRow) {
      const target = sheet.getRow(row);
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === null || value === undefined || value === '') {
          if (!previous.has(i)) continue;
        }
        const cell = target.getCell(i + 1);
        cell.value = value ?? null;
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
        const before = previous.get(i);
        if (before !== undefined) {
          cell.fill = CHANGED_FILL;
          cell.note = `原值：${before === '' ? '（空）' : before}`;
        }
      }
      target.commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
