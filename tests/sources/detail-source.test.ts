import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, file, slow, startFixtureServer, status } from './fixture-server.ts';
import { pageRow, type SourceTestContext, sourceServices, storedVersions } from './helpers.ts';

let server: FixtureServer;
let ctx: SourceTestContext;
beforeEach(async () => {
  server = await startFixtureServer();
  server.route('/detail/国械注准20153661234', file('detail-utf8.html', 'text/html; charset=utf-8'));
  // GBK declared by the Content-Type header.
  server.route('/detail/粤械注准20172140123', file('detail-gbk.html', 'text/html; charset=GBK'));
  server.route('/detail/国械注准20183141567', file('detail-changed-layout.html'));
  server.route('/detail/苏械注准20162220838', file('detail-not-found.html'));
});
afterEach(async () => {
  ctx?.close();
  await server.close();
});

const detailSource = (numbers: string[], extra: Record<string, unknown> = {}) => ({
  name: 'datasearch',
  shape: 'detail',
  url: `${server.url}/detail/{number}`,
  schedule: '0 3 * * *',
  numbers,
  ...extra,
});

const pathOf = (canonical: string) => `/detail/${canonical}`;
const urlOf = (canonical: string) => `${server.url}/detail/${encodeURIComponent(canonical)}`;

describe('a certificate detail source', () => {
  it('reads the label/value table of a UTF-8 page and stores the certificate with its dates and provenance', async () => {
    ctx = sourceServices([detailSource(['国械注准 2015 3661234'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(run).toMatchObject({ job: 'source:datasearch', status: 'succeeded', trigger: 'manual', error: null });
    expect(run.counts).toMatchObject({ pagesFetched: 1, pagesImported: 1, records: 1, versionsAdded: 1, certificatesCreated: 1 });
    const [version] = storedVersions(ctx.services);
    expect(version).toEqual({
      canonical: '国械注准20153661234',
      documentType: 'registration',
      approvalDate: '2020-06-18',
      effectiveDate: '2020-06-18',
      expiryDate: '2025-06-17',
      productName: '医用电子体温计',
      source: 'html:datasearch',
      sourceRef: `${server.url}/detail/${encodeURIComponent('国械注准20153661234')}`,
    });
    expect(server.requests[0]?.headers['user-agent']).toBe('certref-test/1.0 (+tests)');
  });

  it('decodes a GBK page (charset from the header) and reads Chinese dates', async () => {
    ctx = sourceServices([detailSource(['粤械注准20172140123'])]);
    await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(storedVersions(ctx.services)).toEqual([
      expect.objectContaining({
        canonical: '粤械注准20172140123',
        productName: '一次性使用无菌注射器',
        approvalDate: '2022-09-01',
        expiryDate: '2027-08-31',
      }),
    ]);
  });

  it('decodes a GBK page whose only charset is a <meta http-equiv>', async () => {
    server.route('/detail/粤械注准20172140123', file('detail-gbk.html', 'text/html'));
    ctx = sourceServices([detailSource(['粤械注准20172140123'])]);
    await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(storedVersions(ctx.services)[0]?.productName).toBe('一次性使用无菌注射器');
  });

  it('fails loudly on a page whose layout no longer has the labels, imports nothing from it, records it, and goes on', async () => {
    ctx = sourceServices([detailSource(['国械注准20183141567', '国械注准20153661234'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(run.status).toBe('partial');
    expect(run.counts).toMatchObject({ layoutChanged: 1, pagesFailed: 1, pagesImported: 1, versionsAdded: 1 });
    expect(run.error).toContain('source_layout_changed');
    expect(storedVersions(ctx.services).map((v) => v.canonical)).toEqual(['国械注准20153661234']);

    const page = pageRow(ctx.services, 'datasearch', urlOf('国械注准20183141567'));
    expect(page).toMatchObject({ outcome: 'layout_changed', records: 0, http_status: 200 });
    expect(String(page?.error)).toContain('注册证编号/备案编号');
    const loud = ctx.log.filter((e) => e.level === 'error');
    expect(loud).toEqual([expect.objectContaining({ message: 'source page layout changed: nothing imported' })]);
  });

  it('tells a "no such certificate" page from a changed layout', async () => {
    ctx = sourceServices([detailSource(['苏械注准20162220838'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ pagesNotFound: 1, pagesFailed: 0, layoutChanged: 0 });
  });

  it('retries a 500 with backoff, then records the failure and goes on to the next page', async () => {
    server.route('/detail/国械注准20183141567', status(500));
    ctx = sourceServices([detailSource(['国械注准20183141567', '国械注准20153661234'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    // One try and two retries.
    expect(server.hitsOf(pathOf('国械注准20183141567'))).toBe(3);
    expect(run.status).toBe('partial');
    expect(run.counts).toMatchObject({ pagesFailed: 1, versionsAdded: 1 });
    expect(pageRow(ctx.services, 'datasearch', urlOf('国械注准20183141567'))).toMatchObject({ outcome: 'http_error', http_status: 500 });
  });

  it('gets through a server that fails once', async () => {
    server.route('/detail/国械注准20153661234', (request, response, hits) =>
      hits === 1 ? status(503)(request, response, hits) : file('detail-utf8.html')(request, response, hits),
    );
    ctx = sourceServices([detailSource(['国械注准20153661234'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(run.status).toBe('succeeded');
    expect(server.hitsOf(pathOf('国械注准20153661234'))).toBe(2);
  });

  it('gives up on a page slower than the timeout, after its retries, and goes on', async () => {
    server.route('/detail/国械注准20183141567', slow(2_000, file('detail-utf8.html')));
    ctx = sourceServices([detailSource(['国械注准20183141567', '国械注准20153661234'])], { http: { timeoutMs: 200, retries: 1 } });
    const started = Date.now();
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.hitsOf(pathOf('国械注准20183141567'))).toBe(2);
    expect(run.status).toBe('partial');
    expect(run.error).toContain('source_timeout');
    expect(pageRow(ctx.services, 'datasearch', urlOf('国械注准20183141567'))).toMatchObject({ outcome: 'timeout' });
    expect(storedVersions(ctx.services)).toHaveLength(1);
  });

  it('fails the run when every page fails', async () => {
    server.route('/detail/国械注准20153661234', status(404));
    ctx = sourceServices([detailSource(['国械注准20153661234'])]);
    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(run.status).toBe('failed');
    // A 404 is not worth retrying.
    expect(server.hitsOf(pathOf('国械注准20153661234'))).toBe(1);
  });
});
