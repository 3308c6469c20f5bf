import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { brokenXlsx } from '../imports.errors.ts';
import type { Cell, GridRow } from '../rows/cells.ts';

/**
 * Checks the archive's central directory (at its end) before any row is read: a truncated or
 * corrupt upload is refused whole instead of failing after some batches were written.
 */
export async function assertReadableXlsx(path: string): Promise<void> {
  const names = await new Promise<string[]>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return reject(brokenXlsx(openError?.message ?? 'not a zip archive'));
      const found: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        found.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', (error: Error) => reject(brokenXlsx(error.message)));
      zip.readEntry();
    });
  });
  if (!names.includes('xl/workbook.xml') || !names.some((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
    throw brokenXlsx('no workbook or worksheet inside (is it a .docx or another zip?)');
  }
}

/**
 * Streams the first worksheet's rows with Excel's own row numbers. Styles are read so that date
 * cells arrive as dates rather than serial numbers.
 */
export async function* readXlsx(raw: Readable): AsyncGenerator<GridRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(raw, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAcrossChunks(workbook);
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        // exceljs numbers columns from 1; cells[0] is column A.
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { row: row.number, cells };
      }
      // Only the first sheet holds data; later ones are instructions or lists.
      return;
    }
  } finally {
    raw.destroy();
  }
}

/** The parts of exceljs's streaming reader that receive the zip entries' bytes. */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs 4.4 decodes every inflated chunk of XML on its own, cutting a Chinese character that
 * straddles two chunks into U+FFFD (upstream exceljs/exceljs#2063 and exceljs/exceljs#2084): a few
 * rows in a thousand lose a character of their number or name. Its parser passes strings through
 * untouched, so this reader's entries are handed over already decoded by a decoder that carries
 * partial characters across chunks. Instance overrides, no patch of the library; the
 * large-workbook test guards the names.
 */
function decodeAcrossChunks(workbook: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = workbook as unknown as ReaderInternals;
  const { _parseSharedStrings: sharedStrings, _parseStyles: styles, _parseWorksheet: worksheet } = internals;
  if (typeof sharedStrings !== 'function' || typeof styles !== 'function' || typeof worksheet !== 'function') {
    throw new Error('exceljs internals changed: review decodeAcrossChunks in xlsx-reader.ts');
  }
  internals._parseSharedStrings = (entry) => sharedStrings.call(workbook, entry.setEncoding('utf8'));
  internals._parseStyles = (entry) => styles.call(workbook, entry.setEncoding('utf8'));
  internals._parseWorksheet = (iterator, sheetNo) => worksheet.call(workbook, decodeUtf8(iterator), sheetNo);
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return null;
  if ('result' in value) return value.result === undefined ? null : toCell(value.result);
  return null;
}
