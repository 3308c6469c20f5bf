import type Database from 'better-sqlite3';
import type { ImportFormat, TextEncoding } from './file-format.ts';
import type { IssueSeverity, RowIssue } from './rows/row-issues.ts';

type RunStatus = 'running' | 'completed' | 'failed';

export interface RunCounts {
  total: number;
  versionsAdded: number;
  unchanged: number;
  rejected: number;
  certificatesCreated: number;
  hintRowsSkipped: number;
  warnings: number;
}

interface ImportRun {
  id: number;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  encoding: TextEncoding | null;
  sizeBytes: number | null;
  source: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  error: { code: string | null; message: string } | null;
  /** Null until a run completes, and for JSON Lines. */
  headerRow: number | null;
  ignoredColumns: string[];
}

/** What only the end of a completed read knows about the file's layout. */
export interface RunLayout {
  headerRow: number | null;
  ignoredColumns: readonly string[];
}

export interface NewRun {
  fileName: string;
  sha256: string;
  format: ImportFormat;
  encoding: TextEncoding | null;
  sizeBytes: number;
  source: string;
  startedAt: string;
}

interface RunRow {
  id: number;
  file_name: string;
  sha256: string;
  format: ImportFormat;
  encoding: TextEncoding | null;
  size_bytes: number | null;
  source: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  total_rows: number;
  versions_added: number;
  unchanged_rows: number;
  rejected_rows: number;
  certificates_created: number;
  hint_rows_skipped: number;
  warning_rows: number;
  error: string | null;
  error_code: string | null;
  header_row: number | null;
  ignored_columns: string | null;
}

interface IssueRow {
  row: number;
  column: string | null;
  severity: IssueSeverity;
  reason: string;
  value: string | null;
  message_zh: string | null;
  message_en: string | null;
}

export const EMPTY_COUNTS: RunCounts = {
  total: 0,
  versionsAdded: 0,
  unchanged: 0,
  rejected: 0,
  certificatesCreated: 0,
  hintRowsSkipped: 0,
  warnings: 0,
};

/** import_runs and import_rejections, through statements prepared once (one batch = one call of each). */
export class ImportRunsRepository {
  private readonly insertRun: Database.Statement;
  private readonly addCountsStatement: Database.Statement;
  private readonly finishStatement: Database.Statement;
  private readonly abandonStatement: Database.Statement;
  private readonly insertIssue: Database.Statement;
  private readonly byId: Database.Statement<[number], RunRow>;
  private readonly issuesPage: Database.Statement<[number, string | null, string | null, number, number], IssueRow>;
  private readonly issuesCount: Database.Statement<[number, string | null, string | null], { n: number }>;

  constructor(sqlite: Database.Database) {
    this.insertRun = sqlite.prepare(`
      INSERT INTO import_runs (file_name, sha256, format, encoding, size_bytes, source, status, started_at)
      VALUES (@fileName, @sha256, @format, @encoding, @sizeBytes, @source, 'running', @startedAt)`);
    this.addCountsStatement = sqlite.prepare(`
      UPDATE import_runs SET total_rows = total_rows + @total, versions_added = versions_added + @versionsAdded,
        unchanged_rows = unchanged_rows + @unchanged, rejected_rows = rejected_rows + @rejected,
        certificates_created = certificates_created + @certificatesCreated,
        hint_rows_skipped = hint_rows_skipped + @hintRowsSkipped, warning_rows = warning_rows + @warnings
      WHERE id = @id`);
    this.finishStatement = sqlite.prepare(`
      UPDATE import_runs SET status = @status, finished_at = @finishedAt, error = @error, error_code = @errorCode,
        header_row = @headerRow, ignored_columns = @ignoredColumns
      WHERE id = @id`);
    this.abandonStatement = sqlite.prepare(`
      UPDATE import_runs SET status = 'failed', finished_at = @at, error_code = 'import_abandoned',
        error = 'The process stopped before this run finished; its committed batches are kept, and importing the same file again completes it.'
      WHERE sha256 = @sha256 AND status = 'running'`);
    this.insertIssue = sqlite.prepare(`
      INSERT INTO import_rejections (import_run_id, row, "column", severity, reason, value, message_zh, message_en)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.byId = sqlite.prepare('SELECT * FROM import_runs WHERE id = ?');
    const filter = 'import_run_id = ? AND (? IS NULL OR severity = ?)';
    this.issuesPage = sqlite.prepare(`
      SELECT row, "column", severity, reason, value, message_zh, message_en FROM import_rejections
      WHERE ${filter} ORDER BY row, id LIMIT ? OFFSET ?`);
    this.issuesCount = sqlite.prepare(`SELECT count(*) AS n FROM import_rejections WHERE ${filter}`);
  }

  /**
   * Starts a run. Earlier runs of the same file still marked running died with their process (a
   * crash or a kill): they are closed as failed, since this run is about to complete their work.
   * Were one still alive, its own finish would set its status again.
   */
  create(run: NewRun): number {
    this.abandonStatement.run({ sha256: run.sha256, at: run.startedAt });
    return Number(this.insertRun.run(run).lastInsertRowid);
  }

  /** Called inside the batch's transaction, so a run's counts always match what it committed. */
  addBatch(id: number, counts: RunCounts, issues: readonly RowIssue[]): void {
    for (const issue of issues) {
      this.insertIssue.run(id, issue.row, issue.column, issue.severity, issue.reason, issue.value, issue.message.zh, issue.message.en);
    }
    this.addCountsStatement.run({ id, ...counts });
  }

  finish(
    id: number,
    status: Exclude<RunStatus, 'running'>,
    finishedAt: string,
    error?: { code: string | null; message: string },
    layout?: RunLayout,
  ): void {
    this.finishStatement.run({
      id,
      status,
      finishedAt,
      error: error?.message ?? null,
      errorCode: error?.code ?? null,
      headerRow: layout?.headerRow ?? null,
      ignoredColumns: layout ? JSON.stringify(layout.ignoredColumns) : null,
    });
  }

  get(id: number): ImportRun | null {
    const row = this.byId.get(id);
    return row ? toRun(row) : null;
  }

  issues(id: number, options: { offset: number; limit: number; severity?: IssueSeverity }): { total: number; items: RowIssue[] } {
    const severity = options.severity ?? null;
    const total = this.issuesCount.get(id, severity, severity)?.n ?? 0;
    const items = this.issuesPage.all(id, severity, severity, options.limit, options.offset).map((row) => ({
      row: row.row,
      column: row.column,
      severity: row.severity,
      reason: row.reason,
      message: { zh: row.message_zh ?? row.reason, en: row.message_en ?? row.reason },
      value: row.value,
    }));
    return { total, items };
  }
}

function toRun(row: RunRow): ImportRun {
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    format: row.format,
    encoding: row.encoding,
    sizeBytes: row.size_bytes,
    source: row.source,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: {
      total: row.total_rows,
      versionsAdded: row.versions_added,
      unchanged: row.unchanged_rows,
      rejected: row.rejected_rows,
      certificatesCreated: row.certificates_created,
      hintRowsSkipped: row.hint_rows_skipped,
      warnings: row.warning_rows,
    },
    error: row.error === null ? null : { code: row.error_code, message: row.error },
    headerRow: row.header_row,
    ignoredColumns: row.ignored_columns === null ? [] : (JSON.parse(row.ignored_columns) as string[]),
  };
}
