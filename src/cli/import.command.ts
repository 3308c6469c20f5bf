import path from 'node:path';
import cliProgress from 'cli-progress';
import { type AppConfig, loadConfig } from '../config/config.ts';
import type { ImportProgress, ImportReport } from '../imports/import-report.ts';
import { BULK_BATCH_SIZE, importerFor } from '../imports/importer.ts';
import type { RowIssue } from '../imports/rows/row-issues.ts';
import { createServices } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import { parseCommandArgs } from './command-args.ts';

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput & NodeJS.WritableStream;
  stderr: CliOutput;
  /** The process environment, read once here into the config (nothing below reads it). */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref import <file> [--source NAME] [--json]

Imports certificate data from a CSV (UTF-8 or GBK), XLSX (first sheet) or JSON Lines file into the
configured database (DATABASE_PATH). Columns are found by their Chinese or English header; template
hint rows are skipped; rejected rows are listed with their row number as Excel shows it.
Importing the same file again changes nothing; after an interruption it completes the import.

  --source NAME  provenance source recorded on every version (default: import)
  --json         print the report as JSON

exit 0: imported (rejected rows, if any, are in the report); 1: the file was refused or the
import failed; 2: misuse.
`;
/** Below this a bar would flash and vanish. */
const PROGRESS_BAR_MIN_BYTES = 5 * 1024 * 1024;
const LISTED_ISSUES = 50;

/** `certref import <file>`: see USAGE. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { source: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  return importWithConfig(loadConfig(io.env), file, { source: parsed.values.source, json: parsed.values.json }, io);
}

/** The command once configured; tests call it with a test config. */
export async function importWithConfig(
  config: AppConfig,
  file: string,
  options: { source?: string | undefined; json: boolean },
  io: CliIo,
): Promise<number> {
  const services = createServices(config);
  const bar = new cliProgress.SingleBar(
    { stream: io.stdout, format: '{bar} {percentage}% | {rows} rows | ETA {eta_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  const onProgress = (progress: ImportProgress): void => {
    if (options.json || !io.stdout.isTTY || progress.totalBytes < PROGRESS_BAR_MIN_BYTES) return;
    if (!barStarted) bar.start(progress.totalBytes, 0, { rows: 0 });
    barStarted = true;
    bar.update(progress.bytesRead, { rows: progress.rowsRead.toLocaleString('en-US') });
  };
  try {
    // Larger transactions than the HTTP route's: no lookups are waiting on this process.
    const report = await importerFor(services, { batchSize: BULK_BATCH_SIZE, sparseCheckpoints: true }).importFile({
      path: file,
      fileName: path.basename(file),
      ...(options.source ? { source: options.source } : {}),
      onProgress,
    });
    if (barStarted) bar.stop();
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return 0;
  } catch (error) {
    if (barStarted) bar.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`certref import: cannot read ${file} (${code})\n`);
      return 1;
    }
    if (!(error instanceof AppError)) throw error;
    if (options.json) io.stdout.write(`${JSON.stringify({ code: error.code, message: error.text, ...error.extra }, null, 2)}\n`);
    else io.stderr.write(`${error.code}: ${error.text.zh}\n${error.text.en}\n`);
    return 1;
  } finally {
    services.close();
  }
}

export function formatReport(report: ImportReport): string {
  const { counts } = report;
  const n = (value: number) => value.toLocaleString('en-US').padStart(12);
  const lines = [
    `Imported ${report.fileName} (${report.format}${report.encoding ? `, ${report.encoding}` : ''}) in ${(report.durationMs / 1000).toFixed(1)} s — run #${report.importRunId}`,
    `  rows read             ${n(counts.total)}`,
    `  versions added        ${n(counts.versionsAdded)}`,
    `  unchanged             ${n(counts.unchanged)}`,
    `  rejected              ${n(counts.rejected)}`,
    `  certificates created  ${n(counts.certificatesCreated)}`,
    `  hint rows skipped     ${n(counts.hintRowsSkipped)}`,
    `  rows with warnings    ${n(counts.warnings)}`,
  ];
  if (report.ignoredColumns.length > 0) lines.push(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  lines.push(...issueLines('Rejected', report.rejections), ...issueLines('Warnings', report.warnings));
  const shown = Math.min(report.rejections.length, LISTED_ISSUES) + Math.min(report.warnings.length, LISTED_ISSUES);
  if (report.issuesTruncated || shown < report.rejections.length + report.warnings.length) {
    lines.push(`  … more issues: use --json, or GET /v1/imports/${report.importRunId}`);
  }
  return `${lines.join('\n')}\n`;
}

function issueLines(title: string, issues: readonly RowIssue[]): string[] {
  if (issues.length === 0) return [];
  return [
    `${title}:`,
    ...issues
      .slice(0, LISTED_ISSUES)
      .map(
        (issue) =>
          `  row ${issue.row}${issue.column ? ` [${issue.column}]` : ''} ${issue.reason}: ${issue.message.zh}${issue.value ? ` (${issue.value})` : ''}`,
      ),
  ];
}
