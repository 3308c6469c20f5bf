/**
 * The one place the process environment is read. Entry points hand it to `loadConfig` (or to a
 * child process they start); nothing below them reads it.
 */
export function processEnvironment(): Record<string, string | undefined> {
  return process.env;
}
