import path from 'node:path';
import type { FileFacts } from './file-inspector.ts';
import { legacyExcel, malformedCsv, unsupportedFormat } from './imports.errors.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'jsonl';
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedFormat {
  format: ImportFormat;
  /** How text formats are decoded; null for XLSX (XML inside the zip declares its own). */
  encoding: TextEncoding | null;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const MAGIC_NAMES: [Buffer, string][] = [
  [Buffer.from('%PDF'), 'PDF'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'PNG'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'JPEG'],
  [Buffer.from([0x1f, 0x8b]), 'gzip'],
  [Buffer.from('Rar!'), 'RAR'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), '7z'],
];

const JSONL_NAMES = new Set(['.jsonl', '.ndjson', '.json']);
const JSONL_TYPES = new Set(['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'application/ndjson']);

/**
 * Decides the format from the bytes first and the name or MIME type second, because files get
 * renamed (an .xlsx saved as .csv) far more often than their content lies.
 */
export function detectFormat(facts: FileFacts, fileName: string, contentType?: string): DetectedFormat {
  const { head } = facts;
  const ext = path.extname(fileName).toLowerCase();
  if (head.length === 0) return { format: 'csv', encoding: 'utf-8' };
  if (head.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', encoding: null };
  if (head.subarray(0, 4).equals(OLE)) throw legacyExcel();
  for (const [magic, name] of MAGIC_NAMES) if (head.subarray(0, magic.length).equals(magic)) throw unsupportedFormat(name);
  if (ext === '.xlsx') throw unsupportedFormat('named .xlsx but not a zip archive');

  const encoding = textEncoding(facts);
  if (!encoding) throw unsupportedFormat('binary content');
  const mime = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const namedJson = JSONL_NAMES.has(ext) || JSONL_TYPES.has(mime) || mime === 'application/json';
  const first = firstVisibleChar(head, encoding);
  if (first === '[' && namedJson) throw unsupportedFormat('a JSON array; send JSON Lines, one object per line');
  const format: ImportFormat = namedJson || first === '{' ? 'jsonl' : 'csv';
  if (format === 'csv' && encoding !== 'utf-16le' && encoding !== 'utf-16be' && facts.quoteCount % 2 === 1) {
    // Checked before anything is written: an unclosed quote would swallow the rest of the file.
    throw malformedCsv('a double quote (") is opened and never closed');
  }
  return { format, encoding };
}

function textEncoding(facts: FileFacts): TextEncoding | null {
  const { head } = facts;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.includes(0)) return null;
  if (head.subarray(0, 3).equals(UTF8_BOM) || facts.validUtf8) return 'utf-8';
  // Excel in China saves "CSV" in the ANSI code page; GB18030 is a superset of GBK and GB2312.
  return 'gb18030';
}

function firstVisibleChar(head: Buffer, encoding: TextEncoding): string | undefined {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined;
  return head
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()[0];
}
