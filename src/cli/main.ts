import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweepLeftoverTempDirs } from '../shared/temp-files.ts';

/** What a command may use of the process; tests pass their own. */
export interface MainIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

export type CommandRunner = (args: string[], io: MainIo) => Promise<number>;

interface Command {
  summary: string;
  /** Loaded on use, so one command's dependencies do not slow down another's start. */
  load: () => Promise<CommandRunner>;
}

/** Every command, one line each. */
const COMMANDS: Record<string, Command> = {
  numbers: { summary: 'normalise certificate numbers', load: async () => (await import('./numbers.command.ts')).runNumbers },
  keys: {
    summary: 'create, list and revoke API keys (create --role reader|technician|admin --name …)',
    load: async () => (await import('./keys.command.ts')).runKeys,
  },
  import: {
    summary: 'import certificates from a CSV (UTF-8 or GBK), XLSX or JSON Lines file',
    load: async () => (await import('./import.command.ts')).runImport,
  },
  'import-udi': {
    summary: 'import NMPA UDI downloads (ZIP, XML or a directory of them)',
    load: async () => (await import('./import-udi.command.ts')).runImportUdi,
  },
  'search-reindex': {
    summary: 'rebuild the search index from scratch (Meilisearch: build a new index and swap it in)',
    load: async () => (await import('./search-reindex.command.ts')).runSearchReindex,
  },
  serve: {
    summary: 'serve the HTTP API (same as npm start; configured by the environment, see .env.example)',
    load: async () => (await import('./serve.command.ts')).runServe,
  },
  'refresh-summaries': {
    summary: 'recompute stored certificate summaries: those due today, or --all after the source ranking changed',
    load: async () => (await import('./refresh-summaries.command.ts')).runRefreshSummaries,
  },
  jobs: {
    summary: 'list the scheduled jobs, or run one now (jobs run <name>)',
    load: async () => (await import('./jobs.command.ts')).runJobs,
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `usage: certref <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n\nRun certref <command> --help for a command's own options.\n`;
}

/** Runs the command named by the first argument; resolves to the exit status (2: misuse). */
export async function main(argv: string[], io: MainIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`${name === undefined ? '' : `certref: unknown command '${name}'\n\n`}${helpText()}`);
    return 2;
  }
  const run = await command.load();
  return run(args, io);
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const io: MainIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  // What a killed certref process left in the temp folder goes before this one adds its own.
  sweepLeftoverTempDirs()
    .then(() => main(process.argv.slice(2), io))
    .then(
      (status) => {
        process.exitCode = status;
      },
      (error: unknown) => {
        process.stderr.write(`certref: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
}
