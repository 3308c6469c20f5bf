import path from 'node:path';
import type { Command } from 'commander';
import type { ImportProgress, ImportReport } from '../imports/import-report.ts';
import type { RowIssue } from '../imports/rows/row-issues.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
Imports certificate data from a CSV (UTF-8 or GBK), XLSX (first sheet) or JSON Lines file into the
configured database (DATABASE_PATH). Columns are found by their Chinese or English header; template
hint rows are skipped; rejected rows are listed with their row number as Excel shows it.
Importing the same file again changes nothing; after an interruption it completes the import.
按中文或英文表头识别列；被拒绝的行按 Excel 行号列出；重复导入同一文件不会改变数据。

exit 0: imported (rejected rows, if any, are in the report); 1: the file was refused or the
import failed; 2: misuse.
退出码：0 已导入；1 文件被拒绝或导入失败；2 用法错误。
`;
/** Below this a bar would flash and vanish. */
const PROGRESS_BAR_MIN_BYTES = 5 * 1024 * 1024;
const LISTED_ISSUES = 50;

interface ImportOptions {
  source?: string;
  json?: boolean;
}

/** `certref import <file>`. */
export function registerImport(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('import')
    .summary('从 CSV、XLSX 或 JSONL 文件导入证书 import certificates from CSV (UTF-8/GBK), XLSX or JSON Lines')
    .description('导入证书数据到配置的数据库 imports certificate data into the configured database')
    .argument('<file>', 'CSV、XLSX 或 JSONL 文件 the file')
    .option('--source <name>', '记录在每个版本上的来源（默认 import）provenance source recorded on every version (default: import)')
    .option('--json', '以 JSON 输出报告 print the report as JSON')
    .addHelpText('after', DETAILS)
    .action(async (file: string, options: ImportOptions) =>
      exitWith(await withServices(io, (services) => importFile(services, file, options, io))),
    );
}

async function importFile(services: Services, file: string, options: ImportOptions, io: CliIo): Promise<number> {
  // Loaded on use: the importers and the bar are the bulk of what this command loads.
  const [{ default: cliProgress }, { BULK_BATCH_SIZE, importerFor }, { BULK_CATCH_UP_BATCH }] = await Promise.all([
    import('cli-progress'),
    import('../imports/importer.ts'),
    import('../search/search-catch-up.ts'),
  ]);
  const bar = new cliProgress.SingleBar(
    // Only ever started on a terminal, which is the process's own stream.
    { stream: io.stdout as NodeJS.WritableStream, format: '{bar} {percentage}% | {rows} rows | ETA {eta_formatted}', hideCursor: true },
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
    // The rows are stored; search shows them once this process has indexed them (a kill here
    // leaves them owed, and the next start of the server indexes them).
    const caughtUp = await services.search.catchUp.drain(BULK_CATCH_UP_BATCH);
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    if (!options.json && caughtUp.indexed > 0) {
      io.stdout.write(
        `搜索索引已更新 ${caughtUp.indexed} 个证书，用时 ${(caughtUp.milliseconds / 1000).toFixed(1)} 秒 search index updated\n`,
      );
    }
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
  }
}

function formatReport(report: ImportReport): string {
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
