import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { type AppConfig, loadConfig } from './config/config.ts';
import { processEnvironment } from './config/environment.ts';
import { checkpointInBackground } from './db/background-checkpoints.ts';
import { SERVING_BUSY_TIMEOUT_MS } from './db/write-lock.ts';
import { ensureDemoData } from './demo/ensure-demo-data.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { ensureSearchIndex } from './search/ensure-search-index.ts';
import { createServices } from './services.ts';
import { sweepLeftoverTempDirs } from './shared/temp-files.ts';

/** The process: configuration, demo data on first start, listen, and a clean shutdown. */
export async function startServer(config: AppConfig): Promise<() => Promise<void>> {
  // What a killed certref process left in the temp folder (spooled uploads, inflated archives).
  await sweepLeftoverTempDirs();
  const services = createServices(config);
  const app = await buildApp(services, { logger: { level: config.logLevel } });
  await ensureDemoData(services, (message) => app.log.info(message));
  // A database from before the index existed, or one whose index a migration reshaped, is indexed now.
  ensureSearchIndex(services.search, (message) => app.log.info(message));
  // From here on, SQLite's busy handler would sleep on the event loop that answers every request:
  // another process's write lock is waited for on timers instead (services.writes), and at start
  // (above) synchronously, since nothing was being answered yet.
  services.database.sqlite.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
  const stopCheckpoints = checkpointInBackground(services.database.sqlite, config.databasePath);
  // What bulk imports left unindexed (a killed one's too) is indexed now and after each import.
  const stopCatchUp = services.search.catchUp.start(app.log);
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ docs: `http://${config.host}:${config.port}/docs` }, 'certref is serving');
  // Housekeeping is on by default, fetching from outside only with JOBS_ENABLED; each job knows which
  // applies. Another server or a CLI run of the same job cannot overlap it: the runner holds a lease.
  const runner = new JobRunner(services.jobRuns, { now: services.now, log: app.log, writes: services.writes });
  const scheduler = services.jobs.jobs.some((job) => job.enabled)
    ? startScheduler(services.jobs, runner, { timezone: config.timezone, log: app.log })
    : null;

  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      // Runs in progress finish before the database closes under them.
      await scheduler?.stop();
      await app.close();
      await stopCatchUp();
      await stopCheckpoints();
      services.close();
    })();
    return closing;
  };
}

/** Serves until SIGINT or SIGTERM, then shuts down cleanly. */
export async function serveUntilSignalled(config: AppConfig): Promise<void> {
  const stop = await startServer(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.resolve()
    .then(() => serveUntilSignalled(loadConfig(processEnvironment())))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
