import cron, { type ScheduledTask } from 'node-cron';
import type { RunLog } from '../sources/source-run.ts';
import type { JobDefinition, JobTrigger } from './job.types.ts';
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
 * Schedules every enabled job of the registry with node-cron, in the service's time zone, and
 * starts at once those that catch up at start (`runAtStart`). Only the server process calls this
 * (never the CLI, which runs jobs by hand). node-cron's `noOverlap` skips a tick while the previous
 * run of the same job is still going; the runner's lease covers other processes and the run at start.
 */
export function startScheduler(
  registry: Pick<JobRegistry, 'jobs'>,
  runner: JobRunner,
  options: { timezone: string; log: RunLog },
): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const inFlight = new Set<Promise<unknown>>();
  const start = (job: JobDefinition, trigger: JobTrigger) => {
    const run = runner.run(job, trigger);
    inFlight.add(run);
    return run.finally(() => inFlight.delete(run));
  };
  for (const job of registry.jobs) {
    if (!job.enabled) continue;
    const task = cron.schedule(job.schedule, () => start(job, 'schedule'), { name: job.name, timezone: options.timezone, noOverlap: true });
    tasks.set(job.name, task);
  }
  options.log.info({ jobs: [...tasks.keys()] }, 'scheduler started');
  // Not awaited: the server is already answering. A tick during this run is skipped by the runner's lease.
  for (const job of registry.jobs) {
    if (!job.enabled || !job.runAtStart) continue;
    start(job, 'start').catch((error: unknown) => options.log.error({ job: job.name, err: error }, 'job could not start'));
  }
  return {
    scheduled: [...tasks.keys()],
    nextRun: (name) => tasks.get(name)?.getNextRun() ?? null,
    async stop() {
      await Promise.all([...tasks.values()].map((task) => task.destroy()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
