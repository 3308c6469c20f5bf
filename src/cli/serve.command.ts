import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';

/** `certref serve`: the HTTP API, configured by the environment like `npm start`. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .summary('提供 HTTP API（同 npm start）serve the HTTP API (same as npm start; see .env.example)')
    .description('提供 HTTP API，由环境变量配置（见 .env.example）serves the HTTP API, configured by the environment (see .env.example)')
    .action(async () => {
      const [{ loadConfig }, { serveUntilSignalled }] = await Promise.all([import('../config/config.ts'), import('../server.ts')]);
      await serveUntilSignalled(loadConfig(io.env));
      // Keep serving: the signal handlers end the process.
      await new Promise<never>(() => {});
    });
}
