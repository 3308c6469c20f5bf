/** A stream a command writes to: the process's own, or a test's capture. */
export interface CliOutput {
  write(text: string): unknown;
  /** A terminal: progress may be drawn in place. */
  isTTY?: boolean;
  /** A terminal's width, for wrapping the help. */
  columns?: number;
}

/** Everything a command may use of its process; tests pass their own. */
export interface CliIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: CliOutput;
  stderr: CliOutput;
  /** The process environment, read once into the config by commands that need one. */
  env: Record<string, string | undefined>;
}

/** Where a command leaves its exit status, since commander ignores what an action returns. */
export type ExitWith = (status: number) => void;
