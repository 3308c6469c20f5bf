import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { jobStatusSchema, sourceStatusSchema } from '../../src/status/status.schemas.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { type FixtureServer, file, startFixtureServer } from '../sources/fixture-server.ts';
import { type SourceTestContext, sourceServices } from '../sources/helpers.ts';
import { udiFixture } from '../udi/helpers.ts';

let ctx: TestContext | null = null;
let sources: SourceTestContext | null = null;
let server: FixtureServer | null = null;
afterEach(async () => {
  await ctx?.close();
  sources?.close();
  await server?.close();
  ctx = sources = server = null;
});

type JobStatus = z.output<typeof jobStatusSchema>;
type SourceStatus = z.output<typeof sourceStatusSchema>;

describe('GET /v1/status', () => {
  it('lists every source with its counts, last success and failure, including UDI files imported by hand', async () => {
    ctx = await buildTestApp();
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20172140123',
        documentType: 'registration',
        approvalDate: '2022-09-01',
        expiryDate: '2027-08-31',
        productName: '注射器',
      },
    ]);
    const importer = ctx.services.udiImporter;
    await importer.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'cli' });
    await importer.importPath(udiFixture('udi-truncated.xml'), { trigger: 'cli' });

    const response = await ctx.app.inject({ url: '/v1/status' });
    expect(response.statusCode).toBe(200);
    const status = response.json();
    expect(status).toMatchObject({ jobsEnabled: false, housekeepingEnabled: true });
    const bySource = new Map<string, SourceStatus>(status.sources.map((s: SourceStatus) => [s.source, s]));
    expect(bySource.get('udi')).toMatchObject({
      job: 'udi-incremental',
      enabled: false,
      nextRun: null,
      lastSuccess: { run: 'udi:1' },
      lastFailure: { run: 'udi:2', error: expect.stringContaining('declared 5, read 2') },
      records: { versions: 6, certificates: 6, devices: 6 },
    });
    expect(bySource.get('test')).toMatchObject({
      job: null,
      records: { versions: 1, certificates: 1 },
      dataAsOf: '2026-11-01T00:00:00.000Z',
    });
    // The example sources of config/sources.json are declared but disabled.
    expect(bySource.get('html:nmpa-datasearch')).toMatchObject({ job: 'source:nmpa-datasearch', enabled: false, records: { pages: 0 } });
    expect(status.jobs.map((j: { name: string }) => j.name)).toEqual(
      expect.arrayContaining(['udi-incremental', 'source:nmpa-datasearch', 'corrections-sweep', 'search-outbox-drain']),
    );
    expect(status.dataAsOf).toBe(bySource.get('udi')?.dataAsOf);
  });

  it('says which jobs run by default (housekeeping) and which wait for JOBS_ENABLED (fetch)', async () => {
    ctx = await buildTestApp({ config: { freshness: { ...testConfig().freshness, udiIncrementalDir: '/nonexistent/udi' } } });
    const jobs = new Map<string, JobStatus>((await ctx.app.inject({ url: '/v1/status' })).json().jobs.map((j: JobStatus) => [j.name, j]));
    expect(jobs.get('summary-refresh')).toMatchObject({
      kind: 'housekeeping',
      enabled: true,
      disabledReason: null,
      nextRun: expect.any(String),
    });
    expect(jobs.get('corrections-sweep')).toMatchObject({ kind: 'housekeeping', enabled: true, disabledReason: null });
    // The embedded index is updated in each write: nothing to drain, whatever the switch says.
    expect(jobs.get('search-outbox-drain')).toMatchObject({
      kind: 'housekeeping',
      enabled: false,
      disabledReason: expect.stringContaining('no search outbox'),
    });
    expect(jobs.get('udi-incremental')).toMatchObject({
      kind: 'fetch',
      enabled: false,
      disabledReason: 'JOBS_ENABLED is false',
      nextRun: null,
    });
  });

  it('says housekeeping is off, and why, when HOUSEKEEPING_JOBS_ENABLED is false', async () => {
    ctx = await buildTestApp({ config: { freshness: { ...testConfig().freshness, housekeepingEnabled: false } } });
    const status = (await ctx.app.inject({ url: '/v1/status' })).json();
    expect(status).toMatchObject({ jobsEnabled: false, housekeepingEnabled: false });
    for (const name of ['summary-refresh', 'corrections-sweep']) {
      expect(status.jobs.find((j: JobStatus) => j.name === name)).toMatchObject({
        enabled: false,
        disabledReason: 'HOUSEKEEPING_JOBS_ENABLED is false',
        nextRun: null,
      });
    }
  });

  it('shows when each scheduled job runs next, and the outcome of its last run', async () => {
    server = await startFixtureServer();
    server.route('/detail/国械注准20153661234', file('detail-utf8.html'));
    server.route('/detail/国械注准20183141567', file('detail-changed-layout.html'));
    sources = sourceServices(
      [
        {
          name: 'datasearch',
          shape: 'detail',
          url: `${server.url}/detail/{number}`,
          schedule: '15 2 * * *',
          numbers: ['国械注准20153661234', '国械注准20183141567'],
        },
      ],
      { freshness: { jobsEnabled: true } },
    );
    const run = await sources.runner.run(sources.services.jobs.get('datasearch'), 'manual');
    const app = await buildApp(sources.services);
    const status = (await app.inject({ url: '/v1/status' })).json();
    await app.close();
    const datasearch = status.sources.find((s: SourceStatus) => s.source === 'html:datasearch') as SourceStatus;
    expect(datasearch).toMatchObject({
      enabled: true,
      lastSuccess: { run: `job:${run.id}`, error: expect.stringContaining('source_layout_changed') },
      records: { versions: 1, certificates: 1, pages: 2, failingPages: 1 },
    });
    // 02:15 in Shanghai is 18:15 UTC the day before.
    expect(datasearch.nextRun).toMatch(/T18:15:00\.000Z$/);
    const job = status.jobs.find((j: { name: string }) => j.name === 'source:datasearch');
    expect(job.lastRun).toMatchObject({ id: run.id, status: 'partial', trigger: 'manual', counts: { layoutChanged: 1 } });
  });
});
