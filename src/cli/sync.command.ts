import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { AppError } from '../shared/app-error.ts';
import type { SyncProgress, SyncReport } from '../sync/sync.ts';
import type { CliIo, CliOutput, ExitWith } from './cli-io.ts';

const DETAILS = `
Keeps a local certref database in step with a remote certref. The first run downloads the
remote's newest offline bundle, checks its SHA-256 against the manifest (a corrupted download is
refused and the local database left as it was) and installs it, migrated, as the local database.
Every run then applies the remote's change feed (GET /v1/changes) from the stored cursor, through
the same write path as imports; each page and the cursor commit together, so a sync that is
interrupted resumes where it stopped. Stop a local server on the database before its first sync.
保持本地数据库与远端 certref 同步：首次下载并校验最新离线数据包后安装，之后按变更流增量应用；
每页变更与游标在同一事务中提交，中断后重新运行即从断点继续。
退出码：0 完成；1 失败；2 用法错误。 Exit status: 0 done; 1 failed; 2 misuse.
`;

interface SyncCommandOptions {
  db?: string;
  key?: string;
  maxPages?: number;
  pageSize?: number;
  json?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('须为正整数 must be a positive integer');
  return n;
}

/** `certref sync <base-url> [--db file] [--key key]`. */
export function registerSync(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('sync')
    .summary('与远端 certref 同步 keep a local database in step with a remote certref')
    .description('与远端 certref 同步 keeps a local database in step with a remote certref')
    .argument('<base-url>', '远端 certref 的地址 the remote certref, e.g. https://certref.example.cn')
    .option('--db <file>', '本地数据库文件（默认 DATABASE_PATH） local database file (default: DATABASE_PATH)')
    .option('--key <key>', '远端的 API 密钥（远端要求时） API key for the remote, when it asks for one')
    .option('--max-pages <n>', '本次最多应用的变更页数 apply at most this many pages of changes this run', positiveInteger)
    // Hidden: small pages make many transactions, so tests can stop a sync between two of them.
    .addOption(
      new Option('--page-size <n>', '每页（每个事务）的变更数 changes per page (and per transaction)')
        .argParser(positiveInteger)
        .hideHelp(),
    )
    .option('--json', '输出 JSON print the report as JSON')
    .addHelpText('after', DETAILS)
    .action(async (baseUrl: string, options: SyncCommandOptions) => exitWith(await sync(baseUrl, options, io)));
}

async function sync(baseUrl: string, options: SyncCommandOptions, io: CliIo): Promise<number> {
  const [{ loadConfig }, { syncFrom }] = await Promise.all([import('../config/config.ts'), import('../sync/sync.ts')]);
  const config = loadConfig(io.env);
  const databasePath = path.resolve(options.db ?? config.databasePath);
  const progress = await progressFor(io.stderr);
  try {
    const report = await syncFrom({
      baseUrl,
      key: options.key ?? null,
      databasePath,
      config,
      ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      progress,
    });
    progress.stop();
    io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : reportLines(report, databasePath));
    return 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof AppError)) throw error;
    if (options.json) io.stdout.write(`${JSON.stringify({ code: error.code, message: error.text, ...error.extra })}\n`);
    else io.stderr.write(`${error.code}: ${error.text.zh}\n${error.text.en}\n`);
    return 1;
  }
}

function reportLines(report: SyncReport, databasePath: string): string {
  return [
    report.installedBundle ? `已安装离线数据包 installed bundle ${report.installedBundle} → ${databasePath}` : null,
    `已应用 ${report.changes} 条变更（${report.pages} 页），新增 ${report.versionsAdded} 个版本 applied ${report.changes} changes (${report.pages} pages), ${report.versionsAdded} versions added`,
    report.complete ? '同步完成 in step with the remote' : '已达页数上限，仍有变更待同步 page limit reached; more changes are waiting',
  ]
    .filter((line) => line !== null)
    .join('\n')
    .concat('\n');
}

/** A bar on a terminal (cli-progress); a line per step elsewhere, so logs stay readable. */
async function progressFor(stderr: CliOutput): Promise<SyncProgress & { stop(): void }> {
  if (!stderr.isTTY) {
    let lastPages = 0;
    return {
      downloaded: () => {},
      applied: (totals) => {
        // Every tenth page: a log line per page would drown a long first catch-up.
        if (totals.pages - lastPages >= 10 || totals.pages === 1) {
          lastPages = totals.pages;
          stderr.write(`同步中 syncing: ${totals.changes} 条变更 changes, ${totals.pages} 页 pages\n`);
        }
      },
      stop: () => {},
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const stream = stderr as unknown as NodeJS.WritableStream;
  const download = new cliProgress.SingleBar(
    { stream, format: '下载数据包 downloading bundle [{bar}] {percentage}% {value}/{total} 字节 bytes', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const changes = new cliProgress.SingleBar({ stream, format: '应用变更 applying changes: {value} 条 changes, {pages} 页 pages' });
  let downloading = false;
  let applying = false;
  return {
    downloaded: (bytes, total) => {
      if (!downloading) download.start(total, 0);
      downloading = true;
      download.update(bytes);
    },
    applied: (totals) => {
      if (downloading) download.stop();
      downloading = false;
      if (!applying) changes.start(0, 0, { pages: 0 });
      applying = true;
      changes.setTotal(totals.changes);
      changes.update(totals.changes, { pages: totals.pages });
    },
    stop: () => {
      if (downloading) download.stop();
      if (applying) changes.stop();
      downloading = applying = false;
    },
  };
}
