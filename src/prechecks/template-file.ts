import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { detectFormat, type TextEncoding } from '../imports/file-format.ts';
import { legacyExcel } from '../imports/imports.errors.ts';
import type { PreparedFile } from '../imports/prepared-file.ts';
import { detectDelimiter, readCsv } from '../imports/readers/csv-reader.ts';
import type { GridRow } from '../imports/rows/cells.ts';
import { AppError } from '../shared/app-error.ts';
import { encryptedWorkbook, unknownEncoding } from './prechecks.errors.ts';
import { firstSheetName } from './sheet-name.ts';

/** How a template was written, so that the corrected file is written the same way. */
export type TemplateLayout =
  | { format: 'csv'; encoding: TextEncoding; bom: boolean; delimiter: string }
  | { format: 'xlsx'; sheetName: string };

export interface OpenedTemplate {
  layout: TemplateLayout;
  /** The sheet's rows in order, each numbered as Excel shows it; read as they are needed. */
  rows: AsyncGenerator<GridRow>;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The stream an encrypted Office file keeps its workbook in, named in UTF-16 in the CFB directory. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Recognises the template's format and encoding from its bytes, refusing what could not be written
 * back the same way (an encrypted workbook, a legacy .xls, text in an encoding nobody can tell), then
 * opens its first sheet with the import readers.
 */
export async function openTemplate(
  file: PreparedFile,
  fileName: string,
  contentType: string | undefined,
  maxDecompressedBytes: number,
): Promise<OpenedTemplate> {
  if (file.head.subarray(0, 4).equals(OLE)) {
    // Excel saves a workbook with an opening password as an OLE (CFB) container holding the encrypted package.
    if (await fileContains(file.path, ENCRYPTED_PACKAGE)) throw encryptedWorkbook();
    throw legacyExcel();
  }
  const detected = detectText(file, fileName, contentType);
  if (detected === 'xlsx') {
    const { readXlsx } = await import('../imports/readers/xlsx-reader.ts');
    const sheetName = await firstSheetName(file.path);
    const rows = await readXlsx(file.path, { maxDecompressedBytes, onBytes: () => {} });
    return { layout: { format: 'xlsx', sheetName }, rows };
  }
  // Invalid GB18030 would only show as replacement characters halfway through: found before any row is checked.
  if (detected === 'gb18030' && (await decodesWithReplacements(file.path, 'gb18030'))) throw unknownEncoding('invalid_bytes');
  const bom = file.head.subarray(0, 3).equals(UTF8_BOM) || detected === 'utf-16le' || detected === 'utf-16be';
  const delimiter = detectDelimiter(file.head, detected);
  const raw = fs.createReadStream(file.path, { highWaterMark: 1024 * 1024 });
  return { layout: { format: 'csv', encoding: detected, bom, delimiter }, rows: readCsv(raw, detected, delimiter) };
}

/** XLSX, or the encoding of a text file; a JSON Lines file is read as text and then found not to be a template. */
function detectText(file: PreparedFile, fileName: string, contentType: string | undefined): 'xlsx' | TextEncoding {
  try {
    const detected = detectFormat(file, fileName, contentType);
    return detected.format === 'xlsx' ? 'xlsx' : (detected.encoding ?? 'utf-8');
  } catch (error) {
    // The import's "binary content" is, for a template, most often UTF-16 saved without its byte order mark.
    if (error instanceof AppError && error.code === 'import_unsupported_format' && file.head.includes(0)) {
      if (error.text.en.includes('binary content')) throw unknownEncoding('nul_bytes');
    }
    throw error;
  }
}

async function fileContains(path: string, needle: Buffer): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const joined = Buffer.concat([tail, chunk as Buffer]);
    if (joined.includes(needle)) return true;
    tail = joined.subarray(Math.max(0, joined.length - needle.length + 1));
  }
  return false;
}

async function decodesWithReplacements(path: string, encoding: TextEncoding): Promise<boolean> {
  let replaced = false;
  const decoder = iconv.decodeStream(encoding);
  decoder.on('data', (text: string) => {
    if (text.includes('\ufffd')) replaced = true;
  });
  await pipeline(fs.createReadStream(path, { highWaterMark: 1024 * 1024 }), decoder);
  return replaced;
}
