import fs from 'node:fs';
import { AppError } from '../../shared/app-error.ts';
import type { DetectedFormat } from '../file-format.ts';
import { brokenXlsx, malformedCsv, unreadableFile } from '../imports.errors.ts';
import type { PreparedFile } from '../prepared-file.ts';
import { detectDelimiter, readCsv } from '../readers/csv-reader.ts';
import { type JsonLine, readJsonl } from '../readers/jsonl-reader.ts';
import { countBytes } from '../readers/text-stream.ts';
import type { GridRow } from './cells.ts';
import { assertRequiredColumns, columnMapFrom, HEADER_SEARCH_ROWS, noHeaderFound, recordKeys } from './column-map.ts';
import { type ColumnMap, GridSourceRow, RecordSourceRow, type SourceRow } from './source-row.ts';

export type TableItem = { kind: 'row'; source: SourceRow } | { kind: 'unreadable'; row: number; detail: string };

/** A file whose header has been read and accepted, ready to stream its data rows. */
export interface OpenedTable {
  headerRow: number | null;
  ignoredColumns: readonly string[];
  items: AsyncGenerator<TableItem>;
}

const READ_CHUNK = 1024 * 1024;

/**
 * Opens the file and reads up to its header, so that a file missing a required column is refused
 * before an import run exists. Errors are coded AppErrors, whenever they happen.
 */
export async function openTable(
  file: Pick<PreparedFile, 'path' | 'head'>,
  detected: DetectedFormat,
  onBytes: (bytes: number) => void,
  maxDecompressedBytes: number,
): Promise<OpenedTable> {
  const toAppError = (error: unknown): AppError => asAppError(detected, error);
  if (detected.format === 'xlsx') {
    // exceljs takes about 0.2 s to load: only XLSX imports pay for it (a reader worker loads afresh each time).
    const { readXlsx } = await import('../readers/xlsx-reader.ts');
    const grid = await readXlsx(file.path, { maxDecompressedBytes, onBytes });
    try {
      return await openGrid(grid, toAppError);
    } catch (error) {
      // Closes the archive; the generator has started (openGrid reads at least one row).
      await grid.return(undefined);
      throw toAppError(error);
    }
  }
  const raw = countBytes(fs.createReadStream(file.path, { highWaterMark: READ_CHUNK }), onBytes);
  const encoding = detected.encoding ?? 'utf-8';
  try {
    if (detected.format === 'jsonl') return await openJsonl(readJsonl(raw, encoding), toAppError);
    return await openGrid(readCsv(raw, encoding, detectDelimiter(file.head, encoding)), toAppError);
  } catch (error) {
    raw.destroy();
    throw toAppError(error);
  }
}

async function openGrid(grid: AsyncGenerator<GridRow>, toAppError: (error: unknown) => AppError): Promise<OpenedTable> {
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen++) {
    const next = await grid.next();
    if (next.done) break;
    const map = columnMapFrom(next.value.row, next.value.cells);
    if (!map) continue;
    assertRequiredColumns(new Set(map.columns.keys()), map.headerRow);
    return { headerRow: map.headerRow, ignoredColumns: map.ignored, items: gridItems(grid, map, toAppError) };
  }
  await grid.return(undefined);
  throw noHeaderFound();
}

async function* gridItems(
  grid: AsyncGenerator<GridRow>,
  map: ColumnMap,
  toAppError: (error: unknown) => AppError,
): AsyncGenerator<TableItem> {
  try {
    for await (const { row, cells } of grid) yield { kind: 'row', source: new GridSourceRow(map, row, cells) };
  } catch (error) {
    throw toAppError(error);
  }
}

async function openJsonl(lines: AsyncGenerator<JsonLine>, toAppError: (error: unknown) => AppError): Promise<OpenedTable> {
  const leading: JsonLine[] = [];
  let first: Extract<JsonLine, { record: unknown }> | undefined;
  while (!first && leading.length < HEADER_SEARCH_ROWS) {
    const next = await lines.next();
    if (next.done) break;
    leading.push(next.value);
    if ('record' in next.value) first = next.value;
  }
  if (!first) {
    await lines.return(undefined);
    // Nothing but broken lines: there is no set of keys to take for a header.
    throw noHeaderFound();
  }
  assertRequiredColumns(new Set(recordKeys(first.record).keys()), first.row);
  return { headerRow: null, ignoredColumns: [], items: jsonlItems(leading, lines, toAppError) };
}

async function* jsonlItems(
  leading: readonly JsonLine[],
  lines: AsyncGenerator<JsonLine>,
  toAppError: (error: unknown) => AppError,
): AsyncGenerator<TableItem> {
  try {
    for (const line of leading) yield jsonlItem(line);
    for await (const line of lines) yield jsonlItem(line);
  } catch (error) {
    throw toAppError(error);
  }
}

function jsonlItem(line: JsonLine): TableItem {
  return 'record' in line
    ? { kind: 'row', source: new RecordSourceRow(line.row, line.record, recordKeys(line.record)) }
    : { kind: 'unreadable', row: line.row, detail: line.error };
}

function asAppError(detected: DetectedFormat, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (detected.format === 'xlsx') return brokenXlsx(message);
  if (detected.format === 'csv') return malformedCsv(message);
  return unreadableFile(message);
}
