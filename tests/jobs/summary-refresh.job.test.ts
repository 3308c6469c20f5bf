import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import type { JobDefinition } from '../../src/jobs/job.types.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { startServer } from '../../src/server.ts';
import { createServices } from '../../src/services.ts';
import { addDays, todayIn } from '../../src/shared/dates.ts';
import { cliCommand } from '../helpers/cli-io.ts';
import { storeDocuments } from '../helpers/test-app.ts';
import { capturingLog } from '../sources/helpers.ts';
import { udiServices } from '../udi/helpers.ts';

const runJobs = cliCommand('jobs');

let dir: string;
let stopServer: (() => Promise<void>) | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-refresh-job-'));
});
afterEach(async () => {
  await stopServer?.();
  stopServer = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const NUMBER = '粤械注准20212140777';

/**
 * A renewal approved before the old expiry, stored ten days ago while the old certificate was in
 * effect; the old one expired two days ago (real dates: the server runs on the real clock).
 */
function storeRenewalTenDaysAgo(databasePath: string): { today: string; renewedExpiry: string } {
  const today = todayIn('Asia/Shanghai');
  const oldExpiry = addDays(today, -2);
  const renewedExpiry = addDays(oldExpiry, 5 * 365);
  const then = new Date(Date.now() - 10 * 86_400_000);
  const services = createServices(testConfig({ databasePath }), { now: () => then });
  storeDocuments(services, [
    {
      number: NUMBER,
      documentType: 'registration',
      approvalDate: addDays(oldExpiry, -5 * 365),
      expiryDate: oldExpiry,
      productName: '一次性使用输液器',
    },
    { number: NUMBER, documentType: 'renewal', approvalDate: addDays(oldExpiry, -60), expiryDate: renewedExpiry },
  ]);
  expect(services.database.sqlite.prepare('SELECT expiry_date, summary_due FROM certificates').raw().get()).toEqual([
    oldExpiry,
    addDays(oldExpiry, 1),
  ]);
  services.close();
  return { today, renewedExpiry };
}

describe('the summary-refresh job', () => {
  it('runs once when a server with the default config starts, catching up on the days it was down', async () => {
    const databasePath = path.join(dir, 'certref.db');
    const { renewedExpiry } = storeRenewalTenDaysAgo(databasePath);
    // No JOBS_ENABLED: housekeeping needs no opt-in.
    stopServer = await startServer(testConfig({ port: 0, databasePath }));
    expect([...cron.getTasks().values()].map((task) => task.name)).toContain('summary-refresh');
    // Stopping waits for the run in progress.
    await stopServer();
    stopServer = null;

    const services = createServices(testConfig({ databasePath }));
    try {
      expect(services.database.sqlite.prepare('SELECT expiry_date, summary_due FROM certificates').raw().get()).toEqual([
        renewedExpiry,
        null,
      ]);
      expect(services.jobRuns.latest('summary-refresh', 5)).toEqual([
        expect.objectContaining({ trigger: 'start', status: 'succeeded', counts: { due: 1, checked: 1, changed: 1 } }),
      ]);
    } finally {
      services.close();
    }
  });

  it('leaves the summaries to cron when HOUSEKEEPING_JOBS_ENABLED is false', async () => {
    const databasePath = path.join(dir, 'certref.db');
    storeRenewalTenDaysAgo(databasePath);
    const base = testConfig();
    stopServer = await startServer(testConfig({ port: 0, databasePath, freshness: { ...base.freshness, housekeepingEnabled: false } }));
    await stopServer();
    stopServer = null;

    const services = createServices(testConfig({ databasePath }));
    try {
      expect(services.database.sqlite.prepare('SELECT summary_due FROM certificates').pluck().get()).not.toBeNull();
      expect(services.jobRuns.latest('summary-refresh', 5)).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('runs by name from the CLI like every job', async () => {
    const databasePath = path.join(dir, 'certref.db');
    storeRenewalTenDaysAgo(databasePath);
    const out: string[] = [];
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: () => undefined },
      env: { DATABASE_PATH: databasePath, DEMO_DATA: 'false', LOG_LEVEL: 'silent' },
    };
    expect(await runJobs(['run', 'summary-refresh', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({
      job: 'summary-refresh',
      trigger: 'manual',
      status: 'succeeded',
      counts: { due: 1, changed: 1 },
    });
  });
});

describe('the scheduler', () => {
  it('starts enabled jobs that ask for it once at start, recorded as start runs; a disabled one never', async () => {
    const services = udiServices();
    let ran = 0;
    const yearly: JobDefinition = {
      name: 'catch-up',
      description: 'test',
      kind: 'housekeeping',
      schedule: '0 0 1 1 *',
      enabled: true,
      disabledReason: null,
      source: null,
      runAtStart: true,
      async run() {
        ran++;
        return { outcome: 'succeeded', counts: { ran } };
      },
    };
    const disabled: JobDefinition = {
      ...yearly,
      name: 'disabled',
      enabled: false,
      async run() {
        throw new Error('must not run');
      },
    };
    const runner = new JobRunner(services.jobRuns, { now: () => new Date(), log: capturingLog([]) });
    const scheduler = startScheduler({ jobs: [yearly, disabled] }, runner, { timezone: 'Asia/Shanghai', log: capturingLog([]) });
    await scheduler.stop();
    expect(ran).toBe(1);
    expect(services.jobRuns.latest('catch-up', 5)).toEqual([expect.objectContaining({ trigger: 'start', status: 'succeeded' })]);
    expect(services.jobRuns.latest('disabled', 5)).toEqual([]);
    services.close();
  });
});
