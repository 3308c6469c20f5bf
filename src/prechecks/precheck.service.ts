import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AutofillService } from '../autofill/autofill.service.ts';
import type { AutofillPayload } from '../autofill/autofill.ts';
import type { LookupOutcome, LookupService, Requester } from '../certificates/lookup/lookup.service.ts';
import { brokenXlsx, malformedCsv } from '../imports/imports.errors.ts';
import { type ImportInput, type PreparedFile, prepareFile } from '../imports/prepared-file.ts';
import type { GridRow } from '../imports/rows/cells.ts';
import { columnMapFrom, HEADER_SEARCH_ROWS } from '../imports/rows/column-map.ts';
import { headerKey } from '../imports/rows/fields.ts';
import type { ColumnMap } from '../imports/rows/source-row.ts';
import { AppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';
import { newTicketRef } from '../tickets/requesters/ticket-ref.ts';
import type { CorrectedWriter } from './output/corrected-writer.ts';
import { csvWriter } from './output/csv-writer.ts';
import { xlsxWriter } from './output/xlsx-writer.ts';
import { PrecheckRuns } from './precheck-runs.ts';
import { notATemplate, precheckTooLarge } from './prechecks.errors.ts';
import type { PrecheckCounts, PrecheckSummary, RowReport } from './prechecks.schemas.ts';
import { type ResultColumns, RowChecker, type RowLookup } from './row-check.ts';
import { openTemplate, type TemplateLayout } from './template-file.ts';
import { TicketLinks } from './ticket-links.ts';

export interface PrecheckDeps {
  sqlite: Database.Database;
  lookup: LookupService;
  autofill: AutofillService;
  /** Runs a write now or once another process lets go of the lock (a miss may open a ticket). */
  writes: { run<T>(attempt: () => T): T | Promise<T> };
  clock: Pick<Clock, 'now' | 'today'>;
  maxBytes: number;
  maxDecompressedBytes: number;
}

export interface PrecheckRequest {
  input: ImportInput;
  fileName: string;
  contentType?: string | undefined;
  /** Whom the tickets it opens are counted against. */
  requester: Requester;
  /** Where the corrected file is written; the caller owns (and removes) it. */
  outputPath: string;
  /** Called once the upload is on disk, before any row is checked (a multipart request's remaining parts). */
  whenSpooled?: () => Promise<void>;
}

const STATUS_HEADER = '核查结果';
const NOTE_HEADER = '说明';
/** Rows listed in the answer; the corrected file has every row. */
const LISTED_ROWS = 1000;

export const CONTENT_TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The template pre-check: reads a filled-in batch template row by row, checks every number against
 * the store as auto-fill does, and writes a corrected copy in the same format while it reads (no row
 * is kept beyond the few reported). It never writes certificate data.
 */
export class PrecheckService {
  private readonly runs: PrecheckRuns;

  constructor(private readonly deps: PrecheckDeps) {
    this.runs = new PrecheckRuns(deps.sqlite);
  }

  async run(request: PrecheckRequest): Promise<PrecheckSummary> {
    const file = await this.spool(request.input);
    try {
      await request.whenSpooled?.();
      const template = await openTemplate(file, request.fileName, request.contentType, this.deps.maxDecompressedBytes);
      const failAs = (error: unknown): AppError =>
        error instanceof AppError
          ? error
          : (template.layout.format === 'xlsx' ? brokenXlsx : malformedCsv)(error instanceof Error ? error.message : String(error));
      try {
        return await this.check(request, file, template.layout, template.rows);
      } catch (error) {
        throw failAs(error);
      } finally {
        await template.rows.return(undefined);
      }
    } finally {
      await file.dispose();
    }
  }

  private async spool(input: ImportInput): Promise<PreparedFile> {
    try {
      return await prepareFile(input, this.deps.maxBytes);
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_too_large') throw precheckTooLarge(this.deps.maxBytes);
      throw error;
    }
  }

  private async check(
    request: PrecheckRequest,
    file: PreparedFile,
    layout: TemplateLayout,
    rows: AsyncGenerator<GridRow>,
  ): Promise<PrecheckSummary> {
    const { map, above } = await findHeader(rows);
    const results = resultColumns(map);
    const ref = newTicketRef();
    const startedAt = this.deps.clock.now().toISOString();
    const id = this.runs.start({
      ref,
      fileName: request.fileName,
      sha256: file.sha256,
      format: layout.format,
      actor: request.requester.opener.actor,
      startedAt,
    });
    try {
      const tickets = new TicketLinks(this.deps.sqlite, id);
      const checker = new RowChecker(map, results, this.rowLookup(request.requester), tickets);
      const writer: CorrectedWriter =
        layout.format === 'csv' ? csvWriter(request.outputPath, layout) : xlsxWriter(request.outputPath, layout.sheetName);
      const counts: PrecheckCounts = { total: 0, passed: 0, corrected: 0, notReportable: 0, notListed: 0, hintRows: 0, blankRows: 0 };
      const reported: RowReport[] = [];
      let truncated = false;

      for (const row of above) await writer.write({ ...row, previous: new Map() });
      const header = map.header.slice() as (string | null)[];
      while (header.length <= Math.max(results.status, results.note)) header.push(null);
      header[results.status] = STATUS_HEADER;
      header[results.note] = NOTE_HEADER;
      await writer.write({ row: map.headerRow, cells: header, previous: new Map() });

      for await (const { row, cells } of rows) {
        const checked = await checker.check(row, cells);
        const written = writer.write(checked.corrected);
        if (written) await written;
        if (checked.kind !== 'checked') {
          if (checked.kind === 'blank') counts.blankRows++;
          else counts.hintRows++;
        } else {
          counts.total++;
          const { status } = checked.report;
          if (status === 'passed') counts.passed++;
          else if (status === 'corrected') counts.corrected++;
          else if (status === 'not_reportable') counts.notReportable++;
          else counts.notListed++;
          if (status !== 'passed') {
            if (reported.length < LISTED_ROWS) reported.push(checked.report);
            else truncated = true;
          }
        }
      }
      await writer.finish();
      this.runs.finish(id, counts, this.deps.clock.now().toISOString());
      return {
        id: ref,
        fileName: request.fileName,
        format: layout.format,
        encoding: layout.format === 'csv' ? `${layout.encoding}${layout.bom && layout.encoding === 'utf-8' ? '-bom' : ''}` : null,
        sheetName: layout.format === 'xlsx' ? layout.sheetName : null,
        headerRow: map.headerRow,
        asOf: this.deps.clock.today(),
        counts,
        rows: reported,
        rowsTruncated: truncated,
        tickets: tickets.listed(),
        correctedFile: { fileName: correctedName(request.fileName, layout.format), contentType: CONTENT_TYPES[layout.format] },
      };
    } catch (error) {
      this.runs.fail(id, error instanceof Error ? error.message : String(error), this.deps.clock.now().toISOString());
      throw error;
    }
  }

  /**
   * The lookup the auto-fill routes make, per row. A missing number is asked about once per file:
   * the same number in fifty rows is one request to the correction queue, not fifty.
   */
  private rowLookup(requester: Requester): RowLookup {
    const { lookup, autofill, writes } = this.deps;
    const misses = new Map<string, LookupOutcome<AutofillPayload>>();
    const read = (number: Parameters<AutofillService['payloadFor']>[0]) => autofill.payloadFor(number);
    return async (input) => {
      const kept = misses.get(input);
      if (kept) return kept;
      const outcome = await writes.run(() => lookup.lookup(input, () => requester, read));
      if (outcome.kind === 'not_found' && misses.size < MISSES_KEPT) misses.set(input, outcome);
      return outcome;
    };
  }
}

/** Distinct missing numbers remembered per file; beyond it a repeat joins its ticket again, which is harmless. */
const MISSES_KEPT = 100_000;

/** `<name>.checked.<ext>`, the name the corrected file is offered under. */
export function correctedName(fileName: string, format: 'csv' | 'xlsx'): string {
  const base = path.basename(fileName, path.extname(fileName)) || 'template';
  return `${base}.checked.${format}`;
}

/** Reads down to the header (title rows above it are kept as they are); no number column: not a template. */
async function findHeader(rows: AsyncGenerator<GridRow>): Promise<{ map: ColumnMap; above: GridRow[] }> {
  const above: GridRow[] = [];
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen++) {
    const next = await rows.next();
    if (next.done) break;
    const map = columnMapFrom(next.value.row, next.value.cells);
    if (map) return { map, above };
    above.push(next.value);
  }
  throw notATemplate(HEADER_SEARCH_ROWS);
}

/** The verdict columns: those an earlier pre-check added, else two new ones after the last header. */
function resultColumns(map: ColumnMap): ResultColumns {
  const keys = map.header.map((text) => headerKey(text));
  const status = keys.indexOf(headerKey(STATUS_HEADER));
  const note = keys.indexOf(headerKey(NOTE_HEADER));
  if (status !== -1 && note !== -1) return { status, note };
  let width = map.header.length;
  while (width > 0 && map.header[width - 1] === '') width--;
  return { status: width, note: width + 1 };
}
