import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, runColumns } from '../db/columns.ts';

/**
 * Every run of every scheduled job, started by the scheduler or by hand: when, how it ended, what
 * it counted, why it failed. A row is `running` while its process is alive and beating: a row
 * whose heartbeat stopped belongs to a process that died and no longer blocks the next run.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: id(),
    job: text('job').notNull(),
    trigger: text('trigger').notNull(),
    ...runColumns(),
    heartbeatAt: text('heartbeat_at').notNull(),
    counts: text('counts', { mode: 'json' }),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.id)],
);
