import { loadConfig } from '../config/config.ts';
import { createServices } from '../services.ts';
import type { UdiFileOutcome, UdiProgress } from '../udi/udi-importer.ts';
import type { UdiRun } from '../udi/udi-runs.repository.ts';
import { parseCommandArgs } from './command-args.ts';

export interface ImportUdiIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** The process environment, read once here into the config (DATABASE_PATH says which database). */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref import-udi <file-or-dir>… [--skip-imported] [--json]

Imports NMPA UDI downloads: a ZIP of XML parts, one XML file, or a directory of them (each file
its own run, in name order). Device records are updated by deviceRecordKey and versionNumber, so
daily files can be applied in any order. Certificates get names, never dates.

  --skip-imported  skip files already imported completely (same bytes)
  --json           one JSON line per file instead of a summary

exit 0: every file imported; 1: a file failed (see its error); 2: misuse.
`;

const MB = 1024 * 1024;

/** `certref import-udi <file-or-dir>…`. */
export async function runImportUdi(args: string[], io: ImportUdiIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { 'skip-imported': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const services = createServices(loadConfig(io.env));
  const json = parsed.values.json;
  let lastProgress = 0;
  const onProgress = (progress: UdiProgress): void => {
    // A progress line on a terminal only, at most once a second: a full release takes a while.
    if (json || !io.stdout.isTTY || Date.now() - lastProgress < 1000) return;
    lastProgress = Date.now();
    io.stdout.write(`\r  ${(progress.bytesRead / MB).toFixed(0)} MB of XML, ${progress.devicesRead.toLocaleString('en-US')} devices …`);
  };
  let failed = false;
  try {
    for (const target of parsed.positionals) {
      let outcomes: UdiFileOutcome[];
      try {
        outcomes = await services.udiImporter.importPath(target, {
          trigger: 'cli',
          skipIfImported: parsed.values['skip-imported'],
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
  } finally {
    services.close();
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
