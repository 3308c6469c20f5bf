import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { udiFixture } from '../udi/helpers.ts';

let ctx: TestContext;
let readerKey: string;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { rateLimitPerMinute: 0 } });
  readerKey = ctx.services.apiKeys.create({ name: '镜像系统', role: 'reader', organisation: '某省平台' }, 'test').key;
});
afterEach(() => ctx.close());

interface Change {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  after: { versionIds?: number[]; productName?: string | null };
}

const feed = async (query = '', key: string | null = readerKey) => {
  const response = await ctx.app.inject({ url: `/v1/changes${query}`, headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: response.statusCode, body: response.json() };
};

function storeSome(): void {
  storeDocuments(ctx.services, [
    {
      number: '粤械注准20172140123',
      documentType: 'registration',
      approvalDate: '2022-09-01',
      expiryDate: '2027-08-31',
      productName: '注射器',
    },
    {
      number: '国械注准20153661234',
      documentType: 'registration',
      approvalDate: '2020-06-18',
      expiryDate: '2025-06-17',
      productName: '体温计',
    },
    { number: '粤穗械备20180539', documentType: 'filing', approvalDate: '2018-03-02', productName: '样本稀释液' },
  ]);
}

describe('GET /v1/changes', () => {
  it('pages through every change in order with an opaque cursor, and polling with the last cursor gets only what is new', async () => {
    storeSome();
    const all: Change[] = [];
    let since = '';
    for (let page = 0; page < 10; page++) {
      const { status, body } = await feed(`?limit=2${since ? `&since=${encodeURIComponent(since)}` : ''}`);
      expect(status).toBe(200);
      all.push(...body.changes);
      expect(typeof body.nextCursor).toBe('string');
      expect(body.nextCursor).not.toMatch(/^\d+$/);
      since = body.nextCursor;
      if (!body.hasMore) break;
    }
    const certificateChanges = all.filter((c) => c.entity === 'certificate');
    expect(certificateChanges.map((c) => `${c.entityId}:${c.action}`)).toEqual([
      '粤械注准20172140123:created',
      '国械注准20153661234:created',
      '粤穗械备20180539:created',
    ]);
    const ids = all.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    // Nothing new: the same cursor comes back, with no changes.
    const idle = await feed(`?since=${encodeURIComponent(since)}`);
    expect(idle.body).toEqual({ changes: [], nextCursor: since, hasMore: false });

    // A new version: exactly that change, naming the version ids a mirror fetches.
    storeDocuments(ctx.services, [
      { number: '粤械注准20172140123', documentType: 'change', approvalDate: '2024-02-01', productName: '一次性使用无菌注射器' },
    ]);
    const next = await feed(`?since=${encodeURIComponent(since)}`);
    expect(next.body.changes).toHaveLength(1);
    expect(next.body.changes[0]).toMatchObject({ entity: 'certificate', entityId: '粤械注准20172140123', action: 'versions_added' });
    expect(next.body.changes[0].after.versionIds).toHaveLength(1);
  });

  it('includes tickets for technicians: a missing Guangdong number opens one, and its certificate arriving resolves it', async () => {
    const technicianKey = ctx.services.apiKeys.create({ name: '技术员', role: 'technician' }, 'test').key;
    const { since } = { since: (await feed('', technicianKey)).body.nextCursor as string };
    await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent('粤械注准20232070123')}` });
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20232070123',
        documentType: 'registration',
        approvalDate: '2023-03-15',
        expiryDate: '2028-03-14',
        productName: '体温计',
      },
    ]);
    const { body } = await feed(`?since=${encodeURIComponent(since)}`, technicianKey);
    expect(body.changes.map((c: Change) => `${c.entity}:${c.action}`)).toEqual(['ticket:opened', 'certificate:created', 'ticket:resolved']);
  });

  it('includes UDI imports, attributed to their run', async () => {
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const { body } = await feed('?entity=certificate&limit=100');
    expect(body.changes).toHaveLength(6);
    for (const change of body.changes) expect(change.actor).toBe('udi:1');
  });

  it('refuses a cursor it did not issue', async () => {
    const bad = await feed('?since=12');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_cursor', message: { zh: expect.any(String), en: expect.any(String) } });
  });
});
