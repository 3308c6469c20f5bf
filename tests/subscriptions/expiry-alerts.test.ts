import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { storeDocuments } from '../helpers/test-app.ts';
import { capturingLog } from '../sources/helpers.ts';
import { receiver, settle, subscribe, subscriptionsApp, until } from './helpers.ts';

const TODAY = '2026-11-25';

let dir: string;
let ctx: TestContext | null = null;
let hook: Awaited<ReturnType<typeof receiver>>;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-expiry-'));
  hook = await receiver();
});
afterEach(async () => {
  await ctx?.close();
  ctx = null;
  await hook.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An app on a database file, so a second app on the same file is a restart. */
async function open() {
  const made = await subscriptionsApp({ today: TODAY, config: { databasePath: path.join(dir, 'certref.db') } });
  ctx = made.ctx;
  return made;
}

async function runJob(context: TestContext) {
  const runner = new JobRunner(context.services.jobRuns, { now: () => new Date(), log: capturingLog([]) });
  const run = await runner.run(context.services.jobs.get('expiry-alerts'), 'manual');
  await settle(context);
  return run;
}

describe('the expiry-alerts job', () => {
  it('raises certificate.expiring once for a demo certificate expiring within 90 days, and nothing again, even after a restart', async () => {
    const { keys } = await open();
    await loadDemoData(ctx!.services.writer, { count: 300, today: TODAY });
    const soon = ctx!.services.database.sqlite
      .prepare<[], { canonical: string; expiry: string }>(
        `SELECT canonical, expiry_date AS expiry FROM certificates c WHERE expiry_date > '${TODAY}' AND expiry_date <= '2027-02-23'
         AND NOT EXISTS (SELECT 1 FROM certificate_links l WHERE l.from_match_key = c.match_key) ORDER BY id LIMIT 1`,
      )
      .get();
    expect(soon, 'the demo data holds a certificate expiring within 90 days').toBeDefined();
    const created = await subscribe(ctx!, keys.reader, {
      numbers: [soon!.canonical],
      events: ['certificate.expiring'],
      expiringDays: [90],
      callbackUrl: hook.url,
    });
    expect(created.status).toBe(201);

    const first = await runJob(ctx!);
    expect(first).toMatchObject({ status: 'succeeded', counts: expect.objectContaining({ expiring: expect.any(Number) }) });
    await until(() => hook.received.length >= 1);
    expect(hook.received.map((n) => n.json)).toMatchObject([
      { event: 'certificate.expiring', certificate: { number: soon!.canonical, expiryDate: soon!.expiry }, expiry: { threshold: 90 } },
    ]);

    const again = await runJob(ctx!);
    expect(again.counts).toMatchObject({ expiring: 0, expired: 0 });
    await ctx!.close();
    ctx = null;

    const restarted = await open();
    const afterRestart = await runJob(restarted.ctx);
    expect(afterRestart.counts).toMatchObject({ expiring: 0, expired: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hook.received).toHaveLength(1);
    expect(restarted.ctx.services.jobRuns.latest('expiry-alerts', 5)).toHaveLength(3);
  });

  it('catches up on a missed day widest threshold first, and a renewal’s new expiry date arms the alerts again', async () => {
    const { keys } = await open();
    const number = '粤械注准20212140777';
    storeDocuments(ctx!.services, [
      { number, documentType: 'registration', approvalDate: '2021-11-10', expiryDate: TODAY.replace('25', '20'), productName: '医用口罩' },
    ]);
    const created = await subscribe(ctx!, keys.reader, { numbers: [number], callbackUrl: hook.url });
    expect(created.status).toBe(201);
    expect((await runJob(ctx!)).counts).toMatchObject({ expired: 1 });
    await until(() => hook.received.length >= 1);

    // A late renewal takes effect on its approval day; this one (for the test) expires within 30 days.
    storeDocuments(ctx!.services, [
      {
        number,
        documentType: 'renewal',
        approvalDate: '2026-11-24',
        effectiveDate: '2026-11-24',
        expiryDate: '2026-12-20',
        productName: '医用口罩',
      },
    ]);
    expect((await runJob(ctx!)).counts).toMatchObject({ expiring: 3 });
    await until(() => hook.received.length >= 5);
    await settle(ctx!);
    expect(hook.received.map((n) => [n.json.event, n.json.expiry?.threshold ?? null])).toEqual([
      ['certificate.expired', 0],
      ['certificate.version_added', null],
      ['certificate.expiring', 180],
      ['certificate.expiring', 90],
      ['certificate.expiring', 30],
    ]);
  });

  it('raises nothing while no subscription wants expiry events', async () => {
    await open();
    await loadDemoData(ctx!.services.writer, { count: 100, today: TODAY });
    expect((await runJob(ctx!)).counts).toEqual({ checked: 0, expiring: 0, expired: 0 });
  });
});
