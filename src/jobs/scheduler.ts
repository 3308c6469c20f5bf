import cron, { type ScheduledTask } from 'node-cron';
import type { RunLog } from '../sources/source-run.ts';
import type { JobRegistry } from './job-registry.ts';
import type { JobRunner } from './job-runner.ts';

export interface Scheduler {
  /** Names of the jobs scheduled in this process. */
  readonly scheduled: readonly string[];
  nextRun(job: string): Date | null;
  /** Stops firing; waits for runs in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Schedules every enabled job of the registry with node-cron, in the service's time zone. Only
 * the server process calls this (never tests, never the CLI). node-cron's `noOverlap` skips a tick
 * while the previous run of the same job is still going; the runner's lease covers other processes.
 */
export function startScheduler(registry: Pick<JobRegistry, 'jobs'>, runner: JobRunner, options: { timezone: string; log: RunLog }): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const inFlight = new Set<Promise<unknown>>();
  for (const job of registry.jobs) {
    if (!job.enabled) continue;
    const task = cron.schedule(
      job.schedule,
      () => {
        const run = runner.run(job, 'schedule');
        inFlight.add(run);
        return run.finally(() => inFlight.delete(run));
      },
      { name: job.name, timezone: options.timezone, noOverlap: true },
    );
    tasks.set(job.name, task);
  }
  options.log.info({ jobs: [...tasks.keys()] }, 'scheduler started');
  return {
    scheduled: [...tasks.keys()],
    nextRun: (name) => tasks.get(name)?.getNextRun() ?? null,
    async stop() {
      await Promise.all([...tasks.values()].map((task) => task.destroy()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
