import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { JobDefinition } from '../../src/jobs/job.types.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { type Scheduler, startScheduler } from '../../src/jobs/scheduler.ts';
import type { Services } from '../../src/services.ts';
import { capturingLog } from '../sources/helpers.ts';
import { udiServices } from '../udi/helpers.ts';

let services: Services;
let scheduler: Scheduler | null = null;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  services?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the scheduler', () => {
  it('is not started by building the services or the app: only the server process schedules', async () => {
    services = udiServices('2026-11-25', { freshness: { ...testConfig().freshness, jobsEnabled: true } });
    const app = await buildApp(services);
    expect(cron.getTasks().size).toBe(0);
    await app.close();
  });

  it('runs enabled jobs on their cron schedule, recorded as scheduled runs, never two at once', async () => {
    services = udiServices();
    let running = 0;
    let most = 0;
    let runs = 0;
    const slow: JobDefinition = {
      name: 'every-second',
      description: 'test',
      kind: 'housekeeping',
      schedule: '* * * * * *',
      enabled: true,
      disabledReason: null,
      source: null,
      async run() {
        running++;
        runs++;
        most = Math.max(most, running);
        await sleep(1_300);
        running--;
        return { outcome: 'succeeded', counts: { runs } };
      },
    };
    const disabled: JobDefinition = {
      ...slow,
      name: 'disabled',
      enabled: false,
      async run() {
        throw new Error('must not run');
      },
    };
    const runner = new JobRunner(services.jobRuns, { now: () => new Date(), log: capturingLog([]) });
    scheduler = startScheduler({ jobs: [slow, disabled] }, runner, { timezone: 'Asia/Shanghai', log: capturingLog([]) });
    expect(scheduler.scheduled).toEqual(['every-second']);
    expect(scheduler.nextRun('every-second')).toBeInstanceOf(Date);
    await sleep(3_600);
    await scheduler.stop();
    scheduler = null;
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    const rows = services.jobRuns.latest('every-second', 10);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.trigger).toBe('schedule');
    expect(services.jobRuns.latest('disabled', 1)).toEqual([]);
  });
});
