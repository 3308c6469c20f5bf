import { type ParseArgsConfig, parseArgs } from 'node:util';

type WithHelp<Options> = Options & { help: { type: 'boolean'; short: 'h' } };

export type CommandArgs<Options extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: WithHelp<Options> }>
>;

interface Writers {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Parses a command's arguments the way every certref command does: `--help`/`-h` prints the
 * usage and exits 0; an unknown or malformed option prints why and the usage, and exits 2.
 * Returns the parsed arguments, or the exit status when the command should stop here.
 */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: Options,
  usage: string,
  io: Writers,
): CommandArgs<Options> | number {
  let parsed: CommandArgs<Options>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as WithHelp<Options>,
    }) as CommandArgs<Options>;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(usage);
    return 0;
  }
  return parsed;
}
