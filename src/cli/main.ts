import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config-error.ts';
import { processEnvironment } from '../config/environment.ts';
import { sweepLeftoverTempDirs } from '../shared/temp-files.ts';
import { registerBundle } from './bundle.command.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { registerImport } from './import.command.ts';
import { registerImportUdi } from './import-udi.command.ts';
import { registerJobs } from './jobs.command.ts';
import { registerKeys } from './keys.command.ts';
import { registerNumbers } from './numbers.command.ts';
import { displayWidth } from './output/display-width.ts';
import { registerPrecheck } from './precheck.command.ts';
import { registerRefreshSummaries } from './refresh-summaries.command.ts';
import { registerSearchReindex } from './search-reindex.command.ts';
import { registerServe } from './serve.command.ts';
import { registerSync } from './sync.command.ts';

/** Commander's headings, each with its Chinese first: the people running this read Chinese. */
const TITLES: Record<string, string> = {
  'Usage:': '用法 usage:',
  'Arguments:': '参数 arguments:',
  'Options:': '选项 options:',
  'Commands:': '命令 commands:',
};

/** Every command, in the order the help lists them; each file defines its own options and loads its heavy parts on use. */
const COMMANDS = [
  registerNumbers,
  registerKeys,
  registerImport,
  registerImportUdi,
  registerSearchReindex,
  registerServe,
  registerRefreshSummaries,
  registerJobs,
  registerPrecheck,
  registerBundle,
  registerSync,
];

/** A fresh program per run: commander keeps parsed state on its commands. */
function createProgram(io: CliIo, exitWith: ExitWith): Command {
  // Settings made before the commands are added are inherited by them (and their own subcommands).
  const program = new Command('certref')
    .description('医疗器械注册证与备案凭证参考数据 reference data for medical device certificates')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // The list of commands shows names alone; each command's own help shows its arguments.
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title, subcommandTerm: (command) => command.name(), displayWidth })
    .helpOption('-h, --help', '显示帮助 show this help')
    .helpCommand('help [command]', '显示命令的帮助 show the help of a command')
    .showHelpAfterError()
    // Commander throws instead of ending the process: tests run commands in-process, and main maps the exit status.
    .exitOverride();
  for (const register of COMMANDS) register(program, io, exitWith);
  program.addHelpText(
    'after',
    "\n运行 certref <命令> --help 查看该命令的选项。\nRun certref <command> --help for a command's own options.\n",
  );
  return program;
}

/** The top-level help, as `certref --help` prints it. */
export function helpText(): string {
  let text = '';
  const capture = { write: (chunk: string) => (text += chunk) };
  const io: CliIo = { stdin: (async function* () {})(), stdout: capture, stderr: capture, env: {} };
  createProgram(io, () => {}).outputHelp();
  return text;
}

/**
 * Runs the command named by the first argument; resolves to its exit status: 0 success, 1 failure
 * (3: a job partly failed), 2 misuse (unknown command or option, missing argument; the usage is on
 * stderr). `--help` prints the usage on stdout and resolves to 0.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = createProgram(io, (exitStatus) => {
    status = exitStatus;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // Commander has already written the help, or the misuse followed by the usage.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return status;
}

/**
 * The CLI in this process, on its arguments and streams: bin/certref.js calls it after registering
 * tsx, so no child process is left behind when this one is killed. The exit status is set, not
 * forced, so output still being written is not cut off (and `serve` keeps serving).
 */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: processEnvironment() };
  // What a killed certref process left in the temp folder goes before this one adds its own.
  sweepLeftoverTempDirs()
    .then(() => main(argv, io))
    .then(
      (status) => {
        process.exitCode = status;
      },
      (error: unknown) => {
        // A wrong setting is the operator's to fix, and the message names it: no stack trace.
        const text = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`certref: ${text}\n`);
        process.exitCode = 1;
      },
    );
}

// `npm run cli` runs this file directly.
const entry = process.argv[1];
if (entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url)) runCli();
