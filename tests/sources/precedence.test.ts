import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { udiFixture } from '../udi/helpers.ts';
import { type FixtureServer, file, type Handler, startFixtureServer } from './fixture-server.ts';
import { type SourceTestContext, sourceServices, storedVersions } from './helpers.ts';

let server: FixtureServer;
let ctx: SourceTestContext;
beforeEach(async () => {
  server = await startFixtureServer();
  server.route('/detail/国械注准20153661234', file('detail-utf8.html'));
  server.route('/detail/粤械注准20172140123', file('detail-gbk.html'));
});
afterEach(async () => {
  ctx?.close();
  await server.close();
});

/** An announcement listing one certificate, with the dates given. */
function announcing(number: string, approval: string, expiry: string): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<table><tr><th>注册证编号</th><th>产品名称</th><th>批准日期</th><th>有效期至</th></tr>
      <tr><td>${number}</td><td>医用电子体温计</td><td>${approval}</td><td>${expiry}</td></tr></table>`);
  };
}

const sources = () => [
  { name: 'datasearch', shape: 'detail', url: `${server.url}/detail/{number}`, schedule: '0 3 * * *', numbers: ['国械注准20153661234'] },
  { name: 'gd-list', shape: 'announcement', url: `${server.url}/list.html`, schedule: '0 4 * * *' },
];

describe('source precedence (docs/certificates.md §5)', () => {
  it('an announcement contradicting the certificate itself is not stored', async () => {
    server.route('/list.html', announcing('国械注准20153661234', '2020-06-18', '2025-06-18'));
    ctx = sourceServices(sources());
    await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    const run = await ctx.runner.run(ctx.services.jobs.get('gd-list'), 'manual');
    expect(run.counts).toMatchObject({ records: 1, outranked: 1, versionsAdded: 0 });
    expect(storedVersions(ctx.services).map((v) => `${v.source} ${v.expiryDate}`)).toEqual(['html:datasearch 2025-06-17']);
  });

  it('an announcement agreeing with the certificate, or about another document, is stored', async () => {
    server.route('/list.html', announcing('国械注准20153661234', '2020-06-18', '2025-06-17'));
    ctx = sourceServices(sources());
    await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    const run = await ctx.runner.run(ctx.services.jobs.get('gd-list'), 'manual');
    expect(run.counts).toMatchObject({ outranked: 0, versionsAdded: 1 });
  });

  it('an announcement outranks a manufacturer claim: it is stored over a contradicting one', async () => {
    server.route('/list.html', announcing('国械注准20153661234', '2020-06-18', '2025-06-17'));
    ctx = sourceServices(sources());
    ctx.services.writer.write(
      [
        {
          number: normalise('国械注准20153661234', { currentYear: 2026 }).numbers[0]!,
          asIssued: '国械注准20153661234',
          documentType: 'registration',
          approvalDate: '2020-06-18',
          expiryDate: '2025-06-30',
          productName: '体温计',
          provenance: { source: 'import', sourceRef: 'maker.xlsx', fetchedAt: '2026-11-01T00:00:00.000Z' },
        },
      ],
      ctx.services.today(),
    );
    const run = await ctx.runner.run(ctx.services.jobs.get('gd-list'), 'manual');
    expect(run.counts).toMatchObject({ outranked: 0, versionsAdded: 1 });
  });

  it('UDI fills names but never dates; a detail source then fills the dates of certificates known only from UDI', async () => {
    ctx = sourceServices([{ ...sources()[0], numbers: [], datesUnknown: true, maxPerRun: 10 }]);
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const app = await buildApp(ctx.services);
    const autofill = async () => (await app.inject({ url: `/v1/autofill?number=${encodeURIComponent('粤械注准20172140123')}` })).json();
    const before = await autofill();
    expect(before).toMatchObject({ datesKnown: false, approvalDate: null, productName: '一次性使用无菌注射器', basedOn: null });
    expect(before.notes.join('')).toContain('手工填写');

    const run = await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    // Six UDI-only certificates: the two the site has are filled, the others answer 404 and stay as they were.
    expect(run.counts).toMatchObject({ pagesImported: 2, versionsAdded: 2 });
    const after = await autofill();
    expect(after).toMatchObject({
      datesKnown: true,
      approvalDate: '2022-09-01',
      expiryDate: '2027-08-31',
      basedOn: { source: 'html:datasearch' },
    });
    await app.close();

    // Checked recently: the next run does not ask the site again for the same certificates.
    const requestsBefore = server.requests.length;
    await ctx.runner.run(ctx.services.jobs.get('datasearch'), 'manual');
    expect(server.requests.length).toBe(requestsBefore);
  });
});
