import type { AppConfig } from '../config/config.ts';
import type { Services } from '../services.ts';
import type { CliIo } from './cli-io.ts';

/**
 * Runs `use` on services built from the environment's configuration, and closes them however it
 * ends. Loaded here, on use, so commands without a database (certref numbers) start without it.
 */
export async function withServices<T>(io: CliIo, use: (services: Services, config: AppConfig) => Promise<T> | T): Promise<T> {
  const [{ loadConfig }, { createServices }] = await Promise.all([import('../config/config.ts'), import('../services.ts')]);
  const config = loadConfig(io.env);
  const services = createServices(config);
  try {
    return await use(services, config);
  } finally {
    services.close();
  }
}
