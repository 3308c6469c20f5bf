import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { CERTIFICATES, search } from './search-fixtures.ts';

/** Meilisearch at a port nobody listens on: nothing here talks to it, the outbox just fills. */
const UNREACHABLE = { engine: 'meilisearch', meiliUrl: 'http://127.0.0.1:9', meiliApiKey: null, meiliIndex: 'certificates' } as const;

const count = (ctx: TestContext, table: string): number =>
  (ctx.services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('the search index and the outbox follow certificate writes', () => {
  it('are written inside the certificate write transaction', async () => {
    ctx = await buildTestApp({ config: { search: UNREACHABLE } });
    const seenInTransaction: number[] = [];
    // Registered after search's own hooks: runs in the same transaction, after them.
    ctx.services.writer.onWrite((touched) => {
      const ids = JSON.stringify(touched.map((t) => t.id));
      const row = ctx.services.database.sqlite
        .prepare('SELECT count(*) AS n FROM search_outbox WHERE certificate_id IN (SELECT value FROM json_each(?))')
        .get(ids) as { n: number };
      seenInTransaction.push(row.n);
    });
    storeDocuments(ctx.services, [{ ...CERTIFICATES.catheter }, { ...CERTIFICATES.filing }]);
    expect(seenInTransaction).toEqual([2]);
    expect(count(ctx, 'search_outbox')).toBe(2);
    expect(count(ctx, 'search_docs')).toBe(2);
  });

  it('roll back with the certificate when the write fails', async () => {
    ctx = await buildTestApp({ config: { search: UNREACHABLE } });
    ctx.services.writer.onWrite(() => {
      throw new Error('a later hook fails');
    });
    expect(() => storeDocuments(ctx.services, [{ ...CERTIFICATES.catheter }])).toThrow('a later hook fails');
    expect(count(ctx, 'certificates')).toBe(0);
    expect(count(ctx, 'search_outbox')).toBe(0);
    expect(count(ctx, 'search_docs')).toBe(0);
    expect((await search(ctx, { q: '导管' })).total).toBe(0);
  });

  it('re-index a certificate when a renewal changes its dates and a change renames it', async () => {
    ctx = await buildTestApp();
    storeDocuments(ctx.services, [{ ...CERTIFICATES.stent }]);
    expect((await search(ctx, { q: '支架', status: 'expired' })).total).toBe(1);
    storeDocuments(ctx.services, [
      { number: CERTIFICATES.stent.number, documentType: 'renewal', approvalDate: '2024-03-01', expiryDate: '2029-05-31' },
      {
        number: CERTIFICATES.stent.number,
        documentType: 'change',
        approvalDate: '2025-01-10',
        productName: '冠状动脉雷帕霉素洗脱支架系统',
      },
    ]);
    const renewed = await search(ctx, { q: '支架' });
    expect(renewed.total).toBe(1);
    expect(renewed.hits[0]!.status).toBe('valid');
    expect((await search(ctx, { q: '雷帕霉素' })).total).toBe(1);
    expect((await search(ctx, { q: '药物洗脱' })).total).toBe(0);
    expect(count(ctx, 'search_docs')).toBe(1);
  });

  it('write no outbox rows with the embedded engine alone', async () => {
    ctx = await buildTestApp();
    storeDocuments(ctx.services, [{ ...CERTIFICATES.catheter }]);
    expect(count(ctx, 'search_outbox')).toBe(0);
    expect(ctx.services.search.meilisearch).toBeNull();
  });
});
