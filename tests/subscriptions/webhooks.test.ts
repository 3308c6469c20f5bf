import { afterEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { storeDocuments } from '../helpers/test-app.ts';
import { bearer } from '../tickets/fixtures.ts';
import { csvImport, receiver, settle, subscribe, subscriptionsApp, until, verifies } from './helpers.ts';

const WATCHED = '粤械注准20212140123';
const OTHER = '国械注准20213070456';
const HOLDER = '广州某某医疗科技有限公司';

let ctx: TestContext;
let hook: Awaited<ReturnType<typeof receiver>>;
afterEach(async () => {
  await ctx.close();
  await hook.close();
});

async function withCertificates() {
  const made = await subscriptionsApp();
  ctx = made.ctx;
  storeDocuments(ctx.services, [
    {
      number: WATCHED,
      documentType: 'registration',
      approvalDate: '2021-06-01',
      expiryDate: '2026-05-31',
      productName: '一次性使用注射器',
      holder: HOLDER,
    },
    {
      number: OTHER,
      documentType: 'registration',
      approvalDate: '2021-07-01',
      expiryDate: '2026-06-30',
      productName: '心脏起搏器',
      holder: '北京某公司',
    },
  ]);
  hook = await receiver();
  return made.keys;
}

const RENEWAL_CSV = [
  '注册证编号,文件类型,产品名称,注册人名称,批准日期,生效日期,有效期至',
  `${WATCHED},延续注册,一次性使用注射器,${HOLDER},2026-03-01,2026-06-01,2031-05-31`,
  `${OTHER},延续注册,心脏起搏器,北京某公司,2026-04-01,2026-07-01,2031-06-30`,
].join('\n');

describe('a subscription to a number', () => {
  it('gets a signed certificate.version_added when an import adds a renewal, with a cursor that resumes the change feed', async () => {
    const keys = await withCertificates();
    // Typed the way people type it: full-width digits and spaces; the engine normalises it.
    const created = await subscribe(ctx, keys.reader, { numbers: ['粤械注准 2021２１４０１２３'], callbackUrl: hook.url });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ numbers: [WATCHED], events: expect.arrayContaining(['certificate.version_added']) });
    const { secret } = created.body;

    const imported = await csvImport(ctx, keys.admin, RENEWAL_CSV);
    expect(imported.statusCode).toBe(201);
    // Within seconds: the writer asks the feed for a drain as the import commits (the poll is only a safety net).
    await until(() => hook.received.length >= 1, 3000);
    await settle(ctx);

    expect(hook.received).toHaveLength(1);
    const [notice] = hook.received;
    expect(verifies(notice!, secret)).toBe(true);
    expect(verifies(notice!, 'another-secret')).toBe(false);
    expect(notice!.headers['x-certref-event']).toBe('certificate.version_added');
    expect(notice!.headers['x-certref-delivery']).toMatch(/^\d+$/);
    expect(notice!.json).toMatchObject({
      event: 'certificate.version_added',
      subscriptionId: created.body.id,
      certificate: { number: WATCHED, holder: HOLDER },
      changesCursor: expect.any(String),
      changeId: expect.any(Number),
    });

    // The cursor is the feed's own: what follows this change is the other certificate's renewal.
    const feed = await ctx.app.inject({ url: `/v1/changes?since=${notice!.json.changesCursor}` });
    const after = feed.json().changes as { id: number; entityId: string }[];
    expect(after.every((c) => c.id > notice!.json.changeId)).toBe(true);
    const through = await ctx.app.inject({ url: `/v1/changes?since=${notice!.json.changesCursor}&entity=certificate` });
    expect(through.statusCode).toBe(200);

    const log = await ctx.app.inject({ url: `/v1/subscriptions/${created.body.id}/deliveries`, headers: bearer(keys.reader) });
    expect(log.json().deliveries).toMatchObject([
      { event: 'certificate.version_added', status: 'delivered', attempts: 1, entityKey: WATCHED },
    ]);
  });

  it('refuses an invalid number with the engine’s diagnosis, and an unknown prefix', async () => {
    const keys = await withCertificates();
    const bad = await subscribe(ctx, keys.reader, { numbers: ['粤械注准2023'], callbackUrl: hook.url });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'invalid_certificate_number', input: '粤械注准2023', reason: expect.any(String) });
    const prefix = await subscribe(ctx, keys.reader, { prefixes: ['abc'], callbackUrl: hook.url });
    expect(prefix.status).toBe(422);
    expect(prefix.body.code).toBe('invalid_subscription_prefix');
  });
});

describe('subscriptions by prefix and by holder', () => {
  it('each gets only what it watches; an unwatched subscription gets everything', async () => {
    const keys = await withCertificates();
    const gd = await receiver();
    const byHolder = await receiver();
    const everything = await receiver();
    try {
      await subscribe(ctx, keys.reader, { prefixes: ['粤械注准'], callbackUrl: gd.url });
      await subscribe(ctx, keys.reader, { holders: ['北京某公司'], callbackUrl: byHolder.url });
      await subscribe(ctx, keys.reader, { events: ['certificate.version_added'], callbackUrl: everything.url });
      expect((await csvImport(ctx, keys.admin, RENEWAL_CSV)).statusCode).toBe(201);
      await until(() => gd.received.length >= 1 && byHolder.received.length >= 1 && everything.received.length >= 2);
      await settle(ctx);
      expect(gd.received.map((n) => n.json.certificate.number)).toEqual([WATCHED]);
      expect(byHolder.received.map((n) => n.json.certificate.number)).toEqual([OTHER]);
      expect(everything.received.map((n) => n.json.certificate.number).sort()).toEqual([OTHER, WATCHED].sort());
    } finally {
      await Promise.all([gd.close(), byHolder.close(), everything.close()]);
    }
  });

  it('粤械备 covers every Guangdong city’s filings', async () => {
    const keys = await withCertificates();
    await subscribe(ctx, keys.reader, { prefixes: ['粤械备'], events: ['certificate.created'], callbackUrl: hook.url });
    storeDocuments(ctx.services, [
      { number: '粤穗械备20230001', documentType: 'filing', approvalDate: '2023-02-01', productName: '医用棉签', holder: HOLDER },
      { number: '京械备20230001', documentType: 'filing', approvalDate: '2023-02-01', productName: '医用棉签', holder: HOLDER },
    ]);
    await until(() => hook.received.length >= 1);
    await settle(ctx);
    expect(hook.received.map((n) => [n.json.event, n.json.certificate.number])).toEqual([['certificate.created', '粤穗械备20230001']]);
  });
});
