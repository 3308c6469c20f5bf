import cron from 'node-cron';

/**
 * When a cron expression fires next, in a time zone. node-cron computes it for a task; a task
 * that is created but never started runs nothing and is destroyed straight away.
 */
export function nextRunOf(schedule: string, timezone: string): Date | null {
  const task = cron.createTask(schedule, () => undefined, { timezone });
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}
