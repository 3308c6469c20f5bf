import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { WriteLock } from '../db/write-lock.ts';
import { AppError } from '../shared/app-error.ts';
import { BatchCommit } from './batches/batch-commit.ts';
import type { BatchSource } from './batches/batch-source.ts';
import type { ReadBatch } from './batches/read-batch.ts';
import type { ImportProgress, ImportReport } from './import-report.ts';
import type { ImportRunsRepository, NewRun } from './import-runs.repository.ts';
import { importInterrupted } from './imports.errors.ts';
import { detachIssue, type RowIssue } from './rows/row-issues.ts';
import type { RowContext } from './rows/row-validator.ts';

interface SessionDeps {
  sqlite: Database.Database;
  writer: CertificateWriter;
  runs: ImportRunsRepository;
  /** Every write of the run goes through it, so one that finds another process's lock waits on timers. */
  writes: WriteLock;
  now: () => Date;
  today: string;
}

/**
 * After each batch the import lets go of the write lock for this long, so that another process's
 * writer (a server opening tickets) gets its turn instead of finding the lock taken again the
 * moment it was released; it is longer than such a writer's retry interval (db/write-lock.ts). A
 * worker keeps reading meanwhile, so this costs an import only where storing is the bottleneck:
 * about 3% at 10,000 rows a batch.
 */
export const TURN_BETWEEN_BATCHES_MS = 15;

export interface SessionOptions {
  maxReportedIssues: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** One import run: batches in and committed, the run recorded, a report out. Constructing it records the run. */
export class ImportSession {
  private readonly runId: number;
  private readonly started: Date;
  private readonly context: RowContext;
  private readonly batches: BatchCommit;
  private readonly rejections: RowIssue[] = [];
  private readonly warnings: RowIssue[] = [];
  private truncated = false;

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
    this.batches = new BatchCommit(
      deps.sqlite,
      deps.writer,
      deps.runs,
      this.runId,
      deps.today,
      // Bulk: the search index catches up after the import instead of inside each batch.
      { actor: `import:${this.runId}`, bulk: true },
      deps.writes,
    );
  }

  async consume(source: BatchSource): Promise<ImportReport> {
    try {
      for await (const batch of source.batches(this.context)) {
        await this.commit(batch);
        await sleep(TURN_BETWEEN_BATCHES_MS);
      }
    } catch (error) {
      await this.deps.writes.run(() =>
        this.deps.runs.finish(this.runId, 'failed', this.deps.now().toISOString(), {
          code: error instanceof AppError ? error.code : null,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      // Errors from reading the file are the file's fault (4xx); anything else stays what it was.
      if (error instanceof AppError) throw importInterrupted(this.runId, source.lastRow, error.text);
      throw error;
    }
    const finished = this.deps.now();
    await this.deps.writes.run(() => this.deps.runs.finish(this.runId, 'completed', finished.toISOString(), undefined, source));
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
      headerRow: source.headerRow,
      ignoredColumns: [...source.ignoredColumns],
      counts: { ...this.batches.committed },
      rejections: this.rejections,
      warnings: this.warnings,
      issuesTruncated: this.truncated,
    };
  }

  private async commit(batch: ReadBatch): Promise<void> {
    this.list(batch.issues);
    await this.batches.commit(batch);
    this.options.onProgress?.({
      bytesRead: batch.bytesRead,
      totalBytes: this.run.sizeBytes,
      rowsRead: batch.rowsRead,
      counts: { ...this.batches.committed },
    });
  }

  /** The report lists issues up to a limit; every one is stored with the run regardless. */
  private list(found: readonly RowIssue[]): void {
    for (const issue of found) {
      if (this.rejections.length + this.warnings.length >= this.options.maxReportedIssues) this.truncated = true;
      else (issue.severity === 'rejected' ? this.rejections : this.warnings).push(detachIssue(issue));
    }
  }
}
