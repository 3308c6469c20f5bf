import { loadConfig } from '../config/config.ts';
import { serveUntilSignalled } from '../server.ts';
import type { MainIo } from './main.ts';

/** `certref serve`: the HTTP API, configured by the environment like `npm start`. */
export async function runServe(args: string[], io: MainIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write('usage: certref serve   (configure with the environment; see .env.example)\n');
    return 2;
  }
  await serveUntilSignalled(loadConfig(io.env));
  // Keep serving: the signal handlers end the process.
  return new Promise<number>(() => {});
}
