import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { main } from '../../src/cli/main.ts';

/** A test's IO: stdin may be left out, for commands that do not read it. */
export type TestIo = Omit<CliIo, 'stdin'> & Partial<Pick<CliIo, 'stdin'>>;

/** `certref <name> …args` run in-process through the one CLI program; resolves to the exit status. */
export function cliCommand(name: string): (args: string[], io: TestIo) => Promise<number> {
  return (args, io) => main([name, ...args], { stdin: Readable.from([]), ...io });
}
