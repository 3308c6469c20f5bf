import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every run of every scheduled job, started by the scheduler or by hand: when, how it ended, what
 * it counted, why it failed. A row is `running` while its process is alive and beating: a row
 * whose heartbeat stopped belongs to a process that died and no longer blocks the next run.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    startedAt: text('started_at').notNull(),
    heartbeatAt: text('heartbeat_at').notNull(),
    finishedAt: text('finished_at'),
    counts: text('counts', { mode: 'json' }),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.id)],
);
