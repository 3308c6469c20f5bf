import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type AppConfig, testConfig } from '../../src/config/config.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import { storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { search } from '../search/search-fixtures.ts';
import { capturingLog } from '../sources/helpers.ts';
import { MISSING_GD, missLookup } from '../tickets/fixtures.ts';

/**
 * The stored summary (what search and lists read) follows the calendar: a document stored with a
 * later effective day becomes the one shown on that day, through the summary-refresh job.
 */

/** Meilisearch at a port nobody listens on: nothing here talks to it, the outbox just fills. */
const UNREACHABLE = { engine: 'meilisearch', meiliUrl: 'http://127.0.0.1:9', meiliApiKey: null, meiliIndex: 'certificates' } as const;

/** A test app whose clock can be moved: `setToday` puts it at noon of a day in Shanghai. */
type Ctx = TestContext & { setToday(day: string): void };

let ctx: Ctx | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

async function start(today: string, config: Partial<AppConfig> = {}): Promise<Ctx> {
  let now = noonIn(today);
  const services = createServices(testConfig(config), { now: () => now });
  const app = await buildApp(services);
  ctx = {
    app,
    services,
    setToday: (day) => (now = noonIn(day)),
    close: async () => {
      await app.close();
      services.close();
    },
  };
  return ctx;
}

const noonIn = (day: string) => new Date(`${day}T04:00:00Z`);

const RENEWED = '粤械注准20212140777';
const registration = {
  number: RENEWED,
  documentType: 'registration' as const,
  approvalDate: '2021-12-06',
  expiryDate: '2026-12-05',
  productName: '一次性使用输液器',
  holder: '广州甲医疗器械有限公司',
};
/** Approved before the old expiry, so it takes effect the day after it (docs/certificates.md §2). */
const renewal = { number: RENEWED, documentType: 'renewal' as const, approvalDate: '2026-09-23', expiryDate: '2031-12-05' };

function summaryOf(services: Services, canonical: string) {
  return services.database.sqlite
    .prepare(
      `SELECT product_name AS productName, approval_date AS approvalDate, expiry_date AS expiryDate, summary_due AS summaryDue
       FROM certificates WHERE canonical = ?`,
    )
    .get(canonical) as { productName: string | null; approvalDate: string | null; expiryDate: string | null; summaryDue: string | null };
}

async function runJob(services: Services) {
  const runner = new JobRunner(services.jobRuns, { now: services.now, log: capturingLog([]) });
  return runner.run(services.jobs.get('summary-refresh'), 'manual');
}

const certificateChanges = (services: Services, canonical: string) =>
  services.changeLog.list({ entity: 'certificate', entityId: canonical, limit: 100 });

const count = (services: Services, table: string) =>
  (services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a renewal approved before the old expiry, stored while the old certificate is in effect', () => {
  it('shows the old expiry until the day after it, when the job puts the renewal in effect everywhere search looks', async () => {
    const { services, setToday } = await start('2026-11-25', { search: UNREACHABLE });
    storeDocuments(services, [registration, renewal]);
    expect(summaryOf(services, RENEWED)).toEqual({
      productName: '一次性使用输液器',
      approvalDate: '2021-12-06',
      expiryDate: '2026-12-05',
      summaryDue: '2026-12-06',
    });
    const outboxBefore = count(services, 'search_outbox');

    // The day after the old expiry: nothing was written, so the stored summary still says expired.
    setToday('2026-12-07');
    expect((await search(ctx!, { q: '输液器', status: 'expired' })).total).toBe(1);

    const run = await runJob(services);
    expect(run).toMatchObject({ job: 'summary-refresh', status: 'succeeded', counts: { due: 1, checked: 1, changed: 1 } });
    expect(summaryOf(services, RENEWED)).toEqual({
      productName: '一次性使用输液器',
      approvalDate: '2026-09-23',
      expiryDate: '2031-12-05',
      summaryDue: null,
    });

    const valid = await search(ctx!, { q: '输液器', status: 'valid' });
    expect(valid.total).toBe(1);
    expect(valid.hits[0]).toMatchObject({ canonical: RENEWED, status: 'valid', expiryDate: '2031-12-05' });
    expect((await search(ctx!, { q: '输液器', status: 'expired' })).total).toBe(0);
    expect(Object.fromEntries(valid.facets.status.map((f) => [f.value, f.count]))).toEqual({ valid: 1 });
    expect(count(services, 'search_outbox')).toBe(outboxBefore + 1);

    expect(certificateChanges(services, RENEWED).at(-1)).toMatchObject({
      actor: 'job:summary-refresh',
      action: 'summary_refreshed',
      before: { expiryDate: '2026-12-05', approvalDate: '2021-12-06' },
      after: { expiryDate: '2031-12-05', approvalDate: '2026-09-23', versionIds: [] },
    });

    // Nothing is due any more: the next run selects nothing and records nothing.
    const changes = certificateChanges(services, RENEWED).length;
    expect(await runJob(services)).toMatchObject({ status: 'succeeded', counts: { due: 0, checked: 0, changed: 0 } });
    expect(certificateChanges(services, RENEWED)).toHaveLength(changes);
  });

  it('a run before the due day leaves the certificate as it is and due', async () => {
    const { services, setToday } = await start('2026-11-25');
    storeDocuments(services, [registration, renewal]);
    setToday('2026-12-05');
    expect(await runJob(services)).toMatchObject({ counts: { due: 0, checked: 0, changed: 0 } });
    expect(summaryOf(services, RENEWED)).toMatchObject({ expiryDate: '2026-12-05', summaryDue: '2026-12-06' });
  });
});

describe('a change document with a later 生效日期', () => {
  it('renames the certificate in search on its effective day', async () => {
    const { services, setToday } = await start('2026-11-25');
    storeDocuments(services, [
      registration,
      {
        number: RENEWED,
        documentType: 'change',
        approvalDate: '2026-11-20',
        effectiveDate: '2026-12-01',
        productName: '一次性使用精密输液器',
        changeDescription: '产品名称变更',
      },
    ]);
    expect(summaryOf(services, RENEWED)).toMatchObject({
      productName: '一次性使用输液器',
      approvalDate: '2021-12-06',
      summaryDue: '2026-12-01',
    });
    expect((await search(ctx!, { q: '精密' })).total).toBe(0);

    setToday('2026-12-01');
    expect(await runJob(services)).toMatchObject({ counts: { due: 1, changed: 1 } });
    expect(summaryOf(services, RENEWED)).toMatchObject({
      productName: '一次性使用精密输液器',
      approvalDate: '2026-11-20',
      summaryDue: null,
    });
    expect((await search(ctx!, { q: '精密' })).hits.map((h) => h.canonical)).toEqual([RENEWED]);
  });
});

describe('summary_due', () => {
  it('is null when nothing stored is still to take effect', async () => {
    const { services } = await start('2026-11-25');
    storeDocuments(services, [
      {
        number: '粤械注准20232140778',
        documentType: 'registration',
        approvalDate: '2023-04-10',
        expiryDate: '2028-04-09',
        productName: '医用外科口罩',
      },
      { number: '粤械注准20232140778', documentType: 'change', approvalDate: '2025-02-01', productName: '一次性使用医用外科口罩' },
      { number: '粤穗械备20180539号', documentType: 'filing', approvalDate: '2018-05-01', productName: '医用棉签' },
      // Known only from UDI: no dates at all.
      { number: '京械注准20172080620', documentType: 'record', productName: '多参数监护仪' },
    ]);
    const due = services.database.sqlite.prepare('SELECT summary_due AS due FROM certificates').pluck().all();
    expect(due).toEqual([null, null, null]);
  });

  it('is null for a certificate approved today that takes effect later: its start changes nothing shown', async () => {
    const { services } = await start('2026-11-25');
    storeDocuments(services, [
      { number: RENEWED, documentType: 'registration', approvalDate: '2026-11-25', effectiveDate: '2026-12-01', expiryDate: '2031-11-30' },
    ]);
    expect(summaryOf(services, RENEWED)).toMatchObject({ approvalDate: '2026-11-25', summaryDue: null });
  });
});

describe('a refresh that changes nothing shown', () => {
  it('runs no hooks: no change-log row, no outbox row, no hook call', async () => {
    const { services, setToday } = await start('2026-11-25', { search: UNREACHABLE });
    storeDocuments(services, [registration]);
    const id = services.database.sqlite.prepare('SELECT id FROM certificates').pluck().get() as number;
    const heard: number[] = [];
    services.writer.onWrite((touched) => heard.push(...touched.map((t) => t.id)));
    const changeRows = count(services, 'change_log');
    const outboxRows = count(services, 'search_outbox');

    setToday('2027-01-10');
    const report = services.writer.refreshSummaries([id], services.today());
    expect(report).toEqual({ checked: 1, touched: [] });
    expect(heard).toEqual([]);
    expect(count(services, 'change_log')).toBe(changeRows);
    expect(count(services, 'search_outbox')).toBe(outboxRows);
  });

  it('leaves tickets alone even when the summary changes: a refresh brings no data', async () => {
    const { app, services } = await start('2026-11-25');
    const { body } = await missLookup(app);
    // A legacy row, stored before the ticket existed and without hooks: its summary is empty.
    const sqlite = services.database.sqlite;
    const number = normalise(MISSING_GD, { currentYear: 2026 }).numbers[0]!;
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO certificates (canonical, match_key, family, authority, origin, year, management_class, serial)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(number.canonical, number.matchKey, number.family, number.authority, number.origin, number.year, number.class, number.serial)
        .lastInsertRowid,
    );
    sqlite
      .prepare(
        `INSERT INTO certificate_versions (certificate_id, document_type, as_issued, approval_date, expiry_date, product_name, source, fetched_at, content_hash)
         VALUES (?, 'registration', ?, '2023-03-15', '2028-03-14', '医用电子体温计', 'import', '2026-11-01T00:00:00Z', 'legacy')`,
      )
      .run(id, MISSING_GD);

    const report = services.writer.refreshSummaries([id], services.today(), { actor: 'job:summary-refresh' });
    expect(report.touched.map((t) => t.after.productName)).toEqual(['医用电子体温计']);
    expect((await app.inject({ url: body.ticket.href })).json().status).toBe('open');
  });
});
