import type { Command } from 'commander';
import type { Services } from '../services.ts';
import type { UdiFileOutcome, UdiProgress } from '../udi/udi-importer.ts';
import type { UdiRun } from '../udi/udi-runs.repository.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
Imports NMPA UDI downloads: a ZIP of XML parts, one XML file, or a directory of them (each file
its own run, in name order). Device records are updated by deviceRecordKey and versionNumber, so
daily files can be applied in any order. Certificates get names, never dates.
导入国家药监局 UDI 数据下载：ZIP、XML 文件或其目录；每个文件单独一次运行。

exit 0: every file imported; 1: a file failed (see its error); 2: misuse.
退出码：0 全部导入；1 有文件失败；2 用法错误。
`;

const MB = 1024 * 1024;

interface ImportUdiOptions {
  skipImported?: boolean;
  json?: boolean;
}

/** `certref import-udi <file-or-dir>…`. */
export function registerImportUdi(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('import-udi')
    .summary('导入 NMPA UDI 下载 import NMPA UDI downloads (ZIP, XML or a directory of them)')
    .description('导入国家药监局 UDI 数据 imports NMPA UDI downloads')
    .argument('<file-or-dir...>', 'ZIP、XML 文件或目录 files or directories')
    .option('--skip-imported', '跳过已完整导入的文件（相同字节）skip files already imported completely (same bytes)')
    .option('--json', '每个文件一行 JSON one JSON line per file instead of a summary')
    .addHelpText('after', DETAILS)
    .action(async (targets: string[], options: ImportUdiOptions) =>
      exitWith(await withServices(io, (services) => importUdi(services, targets, options, io))),
    );
}

async function importUdi(services: Services, targets: string[], options: ImportUdiOptions, io: CliIo): Promise<number> {
  const json = options.json;
  let lastProgress = 0;
  const onProgress = (progress: UdiProgress): void => {
    // A progress line on a terminal only, at most once a second: a full release takes a while.
    if (json || !io.stdout.isTTY || Date.now() - lastProgress < 1000) return;
    lastProgress = Date.now();
    io.stdout.write(`\r  ${(progress.bytesRead / MB).toFixed(0)} MB of XML, ${progress.devicesRead.toLocaleString('en-US')} devices …`);
  };
  let failed = false;
  for (const target of targets) {
    let outcomes: UdiFileOutcome[];
    try {
      outcomes = await services.udiImporter.importPath(target, {
        trigger: 'cli',
        skipIfImported: options.skipImported ?? false,
        onProgress,
      });
    } catch (error) {
      io.stderr.write(`certref import-udi: ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed = true;
      continue;
    }
    if (io.stdout.isTTY && !json && lastProgress > 0) io.stdout.write('\r\x1b[K');
    for (const outcome of outcomes) {
      if (outcome.kind === 'skipped') {
        io.stdout.write(
          json ? `${JSON.stringify({ file: outcome.file, skipped: outcome.reason })}\n` : `${outcome.file}: already imported, skipped\n`,
        );
        continue;
      }
      if (outcome.run.status !== 'completed') failed = true;
      io.stdout.write(json ? `${JSON.stringify(outcome.run)}\n` : summary(outcome.run));
    }
  }
  return failed ? 1 : 0;
}

function summary(run: UdiRun): string {
  const seconds = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : 0;
  const lines = [
    `${run.fileName} (udi run ${run.id}): ${run.status}${seconds > 0 ? ` in ${seconds.toFixed(1)} s` : ''}`,
    `  devices: ${run.devicesRead} read, ${run.devicesAdded} added, ${run.devicesUpdated} updated, ${run.devicesUnchanged} unchanged, ${run.devicesStale} older than stored, ${run.devicesRejected} refused`,
    `  certificates: ${run.certificatesCreated} new, ${run.versionsAdded} name records added (UDI carries no dates)`,
  ];
  const repairs = run.details?.repairs;
  if (repairs && (repairs.controlCharactersDropped || repairs.ampersandsEscaped || repairs.invalidReferencesDropped)) {
    lines.push(
      `  text repaired: ${repairs.controlCharactersDropped} control characters dropped, ${repairs.ampersandsEscaped} bare & escaped, ${repairs.invalidReferencesDropped} invalid references dropped`,
    );
  }
  const reasons = Object.entries(run.details?.rejectionsByReason ?? {});
  if (reasons.length > 0) lines.push(`  refused: ${reasons.map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
  if (run.error) lines.push(`  error: ${run.error}`);
  return `${lines.join('\n')}\n`;
}
