import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, file, startFixtureServer, status } from './fixture-server.ts';
import { pageRow, type SourceTestContext, sourceServices, storedVersions } from './helpers.ts';

let server: FixtureServer;
let ctx: SourceTestContext;
beforeEach(async () => {
  server = await startFixtureServer();
  server.route('/gd/list-1.html', file('list-1.html', 'text/html; charset=utf-8', '"list-1-v1"'));
  // GBK, declared only in <meta charset>.
  server.route('/gd/list-2.html', file('list-2.html', 'text/html', '"list-2-v1"'));
  server.route('/gd/list-3.html', file('list-3.html', 'text/html; charset=utf-8', '"list-3-v1"'));
});
afterEach(async () => {
  ctx?.close();
  await server.close();
});

const listSource = (extra: Record<string, unknown> = {}) => ({
  name: 'gd-class2',
  shape: 'announcement',
  url: `${server.url}/gd/list-1.html`,
  schedule: '0 4 * * *',
  ...extra,
});

describe('an announcement list source', () => {
  it('reads every page by following 下一页, columns found by their header, and stops after the last', async () => {
    ctx = sourceServices([listSource()]);
    const run = await ctx.runner.run(ctx.services.jobs.get('source:gd-class2'), 'manual');
    expect(server.requests.map((r) => r.path)).toEqual(['/gd/list-1.html', '/gd/list-2.html', '/gd/list-3.html']);
    expect(run.counts).toMatchObject({ pagesFetched: 3, pagesImported: 3, records: 6, rejected: 1, versionsAdded: 5 });
    // A bad row is reported, not a bad run.
    expect(run.status).toBe('succeeded');
    const versions = storedVersions(ctx.services);
    expect(versions.map((v) => v.canonical)).toEqual([
      '粤械注准20242140001',
      '粤械注准20242140002',
      '粤械注准20242140003',
      '粤械注准20242140004',
      '粤械注准20242140005',
    ]);
    // The GBK page, with a number typed with spaces and slash dates.
    expect(versions[3]).toMatchObject({
      productName: '电子血压计',
      approvalDate: '2024-01-18',
      expiryDate: '2029-01-17',
      documentType: 'registration',
      source: 'html:gd-class2',
      sourceRef: `${server.url}/gd/list-2.html`,
    });
  });

  it('asks again with If-None-Match and stops at an unchanged first page (304): nothing new was announced', async () => {
    ctx = sourceServices([listSource()]);
    const job = ctx.services.jobs.get('gd-class2');
    await ctx.runner.run(job, 'manual');
    const second = await ctx.runner.run(job, 'manual');
    const last = server.requests.at(-1)!;
    expect(last.path).toBe('/gd/list-1.html');
    expect(last.headers['if-none-match']).toBe('"list-1-v1"');
    expect(server.requests).toHaveLength(4);
    expect(second).toMatchObject({ status: 'succeeded' });
    expect(second.counts).toMatchObject({ pagesNotModified: 1, pagesFetched: 0, versionsAdded: 0 });
    expect(pageRow(ctx.services, 'gd-class2', `${server.url}/gd/list-1.html`)).toMatchObject({
      outcome: 'not_modified',
      etag: '"list-1-v1"',
      records: 2,
    });
  });

  it('follows a page-number template instead of links when one is configured, up to maxPages', async () => {
    server.route('/gd/index.html', file('list-1.html'));
    server.route('/gd/index_2.html', file('list-2.html'));
    server.route('/gd/index_3.html', status(500));
    ctx = sourceServices([listSource({ url: `${server.url}/gd/index.html`, pageUrl: `${server.url}/gd/index_{page}.html`, maxPages: 3 })], {
      http: { retries: 0 },
    });
    const run = await ctx.runner.run(ctx.services.jobs.get('gd-class2'), 'manual');
    expect(server.requests.map((r) => r.path)).toEqual(['/gd/index.html', '/gd/index_2.html', '/gd/index_3.html']);
    expect(run.status).toBe('partial');
    expect(run.counts).toMatchObject({ pagesImported: 2, pagesFailed: 1, versionsAdded: 4 });
  });

  it('imports nothing from a list whose header no longer names the columns', async () => {
    server.route('/gd/list-1.html', file('detail-changed-layout.html'));
    ctx = sourceServices([listSource()]);
    const run = await ctx.runner.run(ctx.services.jobs.get('gd-class2'), 'manual');
    expect(run.status).toBe('failed');
    expect(run.counts).toMatchObject({ layoutChanged: 1, versionsAdded: 0 });
    expect(server.requests).toHaveLength(1);
    expect(storedVersions(ctx.services)).toEqual([]);
    // Refetched whole next time: a failed page's validators are not reused.
    await ctx.runner.run(ctx.services.jobs.get('gd-class2'), 'manual');
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('waits between requests to one host (the per-host rate limit)', async () => {
    ctx = sourceServices([listSource({ minIntervalMs: 300 })]);
    await ctx.runner.run(ctx.services.jobs.get('gd-class2'), 'manual');
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    expect(gaps).toHaveLength(2);
    // Measured where the requests arrive, so allow for the network between client and server.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250);
  });

  it('treats a change list as change documents when the source says so', async () => {
    ctx = sourceServices([listSource({ documentType: 'change' })]);
    await ctx.runner.run(ctx.services.jobs.get('gd-class2'), 'manual');
    expect(new Set(storedVersions(ctx.services).map((v) => v.documentType))).toEqual(new Set(['change']));
  });
});
