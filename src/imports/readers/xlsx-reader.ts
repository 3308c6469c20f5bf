import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../../shared/app-error.ts';
import { brokenXlsx, importDecompressedTooLarge } from '../imports.errors.ts';
import type { Cell, GridRow } from '../rows/cells.ts';

export interface XlsxReadOptions {
  /** What the parts read may inflate to in total: a zip bomb is refused by this, not by a full disk. */
  maxDecompressedBytes: number;
  /** Compressed bytes read so far (estimated within an entry), for progress. */
  onBytes: (bytes: number) => void;
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** The parts read besides the first worksheet; every other entry is never inflated. */
const PARTS = {
  rels: 'xl/_rels/workbook.xml.rels',
  workbook: 'xl/workbook.xml',
  sharedStrings: 'xl/sharedStrings.xml',
  styles: 'xl/styles.xml',
};

/**
 * Opens the workbook by its central directory (at the archive's end), so that a truncated or
 * corrupt upload, or one whose parts declare more than `maxDecompressedBytes`, is refused before any
 * row is read. Then streams the first worksheet's rows with Excel's own row numbers.
 *
 * The parts are read straight out of the archive in the order they are needed (relationships,
 * workbook, shared strings, styles, then the sheet). exceljs's own reader takes the archive in
 * stored order and, because Excel stores the sheets before the shared strings, writes every
 * inflated sheet to a temporary file first: a 1 MB zip bomb became gigabytes on disk.
 */
export async function readXlsx(path: string, options: XlsxReadOptions): Promise<AsyncGenerator<GridRow>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false }).catch((error: Error) => {
    throw brokenXlsx(error.message);
  });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const sheet = [...entries.values()].find((entry) => WORKSHEET.test(entry.fileName));
    if (!entries.has(PARTS.workbook) || !sheet) throw brokenXlsx('no workbook or worksheet inside (is it a .docx or another zip?)');
    const parts = [...Object.values(PARTS).flatMap((name) => entries.get(name) ?? []), sheet];
    const declared = parts.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > options.maxDecompressedBytes) throw importDecompressedTooLarge(options.maxDecompressedBytes);
    return rows(zip, entries, sheet, new Inflation(zip, options));
  } catch (error) {
    zip.close();
    throw error instanceof AppError ? error : brokenXlsx(error instanceof Error ? error.message : String(error));
  }
}

async function* rows(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  sheet: yauzl.Entry,
  inflation: Inflation,
): AsyncGenerator<GridRow> {
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Read so that date cells arrive as dates rather than serial numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const reader = internalsOf(workbook);
    const part = async (name: string) => {
      const entry = entries.get(name);
      return entry ? inflation.open(entry) : null;
    };
    const rels = await part(PARTS.rels);
    if (rels) await reader._parseRels(rels);
    await reader._parseWorkbook((await part(PARTS.workbook))!);
    const sharedStrings = await part(PARTS.sharedStrings);
    reader.sharedStrings = [];
    // Decoded here, across chunks (see decodeUtf8), before exceljs sees the text.
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings.setEncoding('utf8')));
    const styles = await part(PARTS.styles);
    if (styles) await reader._parseStyles(styles.setEncoding('utf8'));
    const sheetNo = WORKSHEET.exec(sheet.fileName)![1]!;
    for (const { value: worksheet } of reader._parseWorksheet(decodeUtf8(await inflation.open(sheet)), sheetNo)) {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        // exceljs numbers columns from 1; cells[0] is column A.
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { row: row.number, cells };
      }
    }
  } finally {
    inflation.close();
    zip.close();
  }
}

/**
 * Inflates entries while counting every byte against one budget, so that an archive whose
 * directory understates its sizes is still stopped while streaming (yauzl also refuses an entry
 * that inflates past its declared size). Progress is the compressed share of what was inflated.
 */
class Inflation {
  private inflated = 0;
  private readonly streams: Readable[] = [];

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly options: XlsxReadOptions,
  ) {}

  async open(entry: yauzl.Entry): Promise<Readable> {
    const raw = await this.zip.openReadStreamPromise(entry);
    const ratio = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
    let entryBytes = 0;
    let reported = 0;
    const counted = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.inflated += chunk.length;
        if (this.inflated > this.options.maxDecompressedBytes) return done(importDecompressedTooLarge(this.options.maxDecompressedBytes));
        entryBytes += chunk.length;
        const compressed = Math.round(entryBytes * ratio);
        this.options.onBytes(compressed - reported);
        reported = compressed;
        done(null, chunk);
      },
    });
    raw.on('error', (error) => counted.destroy(error));
    this.streams.push(raw, counted);
    return raw.pipe(counted);
  }

  close(): void {
    for (const stream of this.streams) stream.destroy();
  }
}

/** The parts of exceljs's streaming reader this one drives, entry by entry. */
interface ReaderInternals {
  sharedStrings: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/**
 * exceljs 4.4's entry parsers, called in the order this reader needs (no patch of the library;
 * the XLSX tests guard the names). Its parser takes strings as they come, so entries are handed
 * over already decoded: exceljs decodes each inflated chunk on its own and cuts a Chinese character
 * that straddles two chunks into U+FFFD (upstream exceljs/exceljs#2063 and exceljs/exceljs#2084).
 */
function internalsOf(workbook: ExcelJS.stream.xlsx.WorkbookReader): ReaderInternals {
  const internals = workbook as unknown as ReaderInternals;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'] as const) {
    if (typeof internals[name] !== 'function') throw new Error('exceljs internals changed: review internalsOf in xlsx-reader.ts');
  }
  return internals;
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
