import type Database from 'better-sqlite3';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import { AppError } from '../shared/app-error.ts';
import { ImportBatch } from './import-batch.ts';
import type { ImportProgress, ImportReport } from './import-report.ts';
import type { ImportRunsRepository, NewRun } from './import-runs.repository.ts';
import { importInterrupted } from './ingest.errors.ts';
import { detachIssue, issues, type RowIssue } from './row-issues.ts';
import { validateRow, type RowContext } from './row-validator.ts';
import type { OpenedTable, TableItem } from './table-reader.ts';

export interface SessionDeps {
  sqlite: Database.Database;
  writer: CertificateWriter;
  runs: ImportRunsRepository;
  now: () => Date;
  today: string;
}

export interface SessionOptions {
  batchSize: number;
  maxReportedIssues: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  bytesRead: () => number;
}

/** One import run: rows in, batches committed, the run recorded, a report out. */
export class ImportSession {
  private readonly runId: number;
  private readonly started: Date;
  private readonly context: RowContext;
  private readonly batch: ImportBatch;
  private readonly rejections: RowIssue[] = [];
  private readonly warnings: RowIssue[] = [];
  private truncated = false;
  private rowsRead = 0;
  private lastRow: number | null = null;

  constructor(
    private readonly deps: SessionDeps,
    private readonly run: Omit<NewRun, 'startedAt'>,
    private readonly options: SessionOptions,
  ) {
    this.started = deps.now();
    this.runId = deps.runs.create({ ...run, startedAt: this.started.toISOString() });
    this.context = {
      currentYear: Number(deps.today.slice(0, 4)),
      today: deps.today,
      provenance: { source: run.source, sourceRef: run.fileName, fetchedAt: this.started.toISOString(), importRunId: this.runId },
    };
    this.batch = new ImportBatch(deps.sqlite, deps.writer, deps.runs, this.runId, deps.today, { actor: `import:${this.runId}` });
  }

  async consume(table: OpenedTable): Promise<ImportReport> {
    try {
      for await (const item of table.items) {
        this.take(item);
        if (this.batch.size >= this.options.batchSize) this.commit();
      }
      this.commit();
    } catch (error) {
      this.deps.runs.finish(this.runId, 'failed', this.deps.now().toISOString(), {
        code: error instanceof AppError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      });
      // Errors from reading the file are the file's fault (4xx); anything else stays what it was.
      if (error instanceof AppError) throw importInterrupted(this.runId, this.lastRow, error.text);
      throw error;
    }
    const finished = this.deps.now();
    this.deps.runs.finish(this.runId, 'completed', finished.toISOString());
    return {
      importRunId: this.runId,
      fileName: this.run.fileName,
      sha256: this.run.sha256,
      format: this.run.format,
      encoding: this.run.encoding,
      source: this.run.source,
      status: 'completed',
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - this.started.getTime(),
      headerRow: table.headerRow,
      ignoredColumns: [...table.ignoredColumns],
      counts: { ...this.batch.committed },
      rejections: this.rejections,
      warnings: this.warnings,
      issuesTruncated: this.truncated,
    };
  }

  private take(item: TableItem): void {
    this.rowsRead++;
    if (item.kind === 'unreadable') {
      this.lastRow = item.row;
      const rejection: RowIssue = { row: item.row, column: null, severity: 'rejected', value: null, ...issues.invalidJson(item.detail) };
      this.batch.reject([rejection]);
      this.list(this.rejections, [rejection]);
      return;
    }
    this.lastRow = item.source.row;
    const outcome = validateRow(item.source, this.context);
    if (outcome.kind === 'hint') this.batch.skipHint();
    else if (outcome.kind === 'rejected') {
      this.batch.reject(outcome.issues);
      this.list(this.rejections, outcome.issues);
    } else if (outcome.kind === 'accepted') {
      this.batch.accept(outcome.input, outcome.warnings);
      this.list(this.warnings, outcome.warnings);
    }
  }

  private commit(): void {
    this.batch.commit();
    this.options.onProgress?.({
      bytesRead: this.options.bytesRead(),
      totalBytes: this.run.sizeBytes,
      rowsRead: this.rowsRead,
      counts: { ...this.batch.committed },
    });
  }

  /** The report lists issues up to a limit; every one is stored with the run regardless. */
  private list(into: RowIssue[], found: readonly RowIssue[]): void {
    for (const issue of found) {
      if (this.rejections.length + this.warnings.length < this.options.maxReportedIssues) into.push(detachIssue(issue));
      else this.truncated = true;
    }
  }
}
