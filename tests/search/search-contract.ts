import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { CANONICAL, facet, RANK, type SearchBody, search, tiers } from './search-fixtures.ts';

/**
 * What every engine must do, written once: run by search-embedded.test.ts always and by
 * search-meilisearch.test.ts when a Meilisearch is configured. Order within a tier is the engine's
 * own, so tiers are compared as sets; the order of the tiers is compared exactly.
 */
export function searchContract(start: () => Promise<TestContext>): void {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await start();
  });
  afterAll(() => ctx?.close());

  const tierOrderHolds = (body: SearchBody): void => {
    const ranks = body.hits.map((hit) => RANK.indexOf(hit.matchedBy));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  };

  describe('ranking', () => {
    it('puts the certificate a query normalises to first, however it is typed, then text matches', async () => {
      const body = await search(ctx, { q: ' 国械注准 2019 3140123 ' });
      expect(body.hits.map((h) => [h.matchedBy, h.canonical])).toEqual([
        ['number', CANONICAL.stent],
        ['product_name', CANONICAL.sheath],
      ]);
      expect(body.total).toBe(2);
      expect(body.hits[0]!.highlights).toContainEqual({ field: 'canonical', fragment: `<mark>${CANONICAL.stent}</mark>` });
    });

    it('finds a legacy certificate by a spelling that differs in 食, brackets and 号', async () => {
      const body = await search(ctx, { q: '粤药监械准字2013第2210203' });
      expect(body.hits.map((h) => [h.matchedBy, h.canonical])).toEqual([['number', CANONICAL.legacy]]);
    });

    it('ranks number fragments, then product names, then holders', async () => {
      const body = await search(ctx, { q: '3140' });
      expect(tiers(body)).toEqual([
        ['number_fragment', [CANONICAL.stent]],
        ['product_name', [CANONICAL.monitor, CANONICAL.sheath].sort()],
        ['holder', [CANONICAL.coldPack]],
      ]);
      expect(body.total).toBe(4);
      tierOrderHolds(body);
    });

    it('matches number prefixes and fragments', async () => {
      expect(tiers(await search(ctx, { q: '粤穗械备' }))).toEqual([['number_prefix', [CANONICAL.filing]]]);
      expect(tiers(await search(ctx, { q: '2019314' }))).toEqual([
        ['number_fragment', [CANONICAL.stent]],
        ['product_name', [CANONICAL.sheath]],
      ]);
      expect(tiers(await search(ctx, { q: '国械注' }))).toEqual([
        ['number_prefix', [CANONICAL.imported, CANONICAL.stent].sort()],
        ['product_name', [CANONICAL.sheath]],
      ]);
    });

    it('answers two-character Chinese queries from product names before holders', async () => {
      const body = await search(ctx, { q: '导管' });
      expect(tiers(body)).toEqual([
        ['product_name', [CANONICAL.catheter, CANONICAL.legacy, CANONICAL.sheath].sort()],
        ['holder', [CANONICAL.filing]],
      ]);
      expect(tiers(await search(ctx, { q: '支架' }))).toEqual([['product_name', [CANONICAL.imported, CANONICAL.stent].sort()]]);
      expect(tiers(await search(ctx, { q: '迈瑞' }))).toEqual([['holder', [CANONICAL.stent]]]);
    });

    it('answers one-character queries, including a character that ends a field', async () => {
      const body = await search(ctx, { q: '导' });
      // 导 in 导管 (names), 导航 (a holder whose name already matched), 导管科技 (a holder).
      expect(tiers(body)).toEqual([
        ['product_name', [CANONICAL.catheter, CANONICAL.legacy, CANONICAL.sheath].sort()],
        ['holder', [CANONICAL.filing]],
      ]);
      expect(tiers(await search(ctx, { q: '贴' }))).toEqual([['product_name', [CANONICAL.coldPack]]]);
    });

    it('folds case, width and spacing the same way in queries and fields', async () => {
      expect(tiers(await search(ctx, { q: 'BOSTON scientific' }))).toEqual([['holder', [CANONICAL.imported]]]);
      expect(tiers(await search(ctx, { q: '２０１９３１４' }))[0]).toEqual(['number_fragment', [CANONICAL.stent]]);
    });

    it('marks where the query occurs', async () => {
      const body = await search(ctx, { q: '2019314' });
      expect(body.hits[0]!.highlights).toEqual([{ field: 'canonical', fragment: '国械注准<mark>2019314</mark>0123' }]);
      const names = await search(ctx, { q: '导管' });
      const catheter = names.hits.find((h) => h.canonical === CANONICAL.catheter)!;
      expect(catheter.highlights).toEqual([{ field: 'productName', fragment: '中心静脉<mark>导管</mark>' }]);
    });
  });

  describe('facets and filters', () => {
    it('counts every hit per authority, class, status and family', async () => {
      const body = await search(ctx, { q: '导管' });
      expect(body.total).toBe(4);
      expect(body.facetsExact).toBe(true);
      expect(facet(body, 'authority')).toEqual({ 粤: 3, 苏: 1 });
      expect(facet(body, 'class')).toEqual({ '1': 1, '2': 3 });
      expect(facet(body, 'status')).toEqual({ valid: 2, filed: 1, expired: 1 });
      expect(facet(body, 'family')).toEqual({ registration: 2, filing: 1, legacy2004: 1 });
    });

    it('filters hits, and counts each facet with every filter but its own', async () => {
      const body = await search(ctx, { q: '导管', authority: '粤' });
      expect(body.total).toBe(3);
      expect(body.hits.map((h) => h.canonical).sort()).toEqual([CANONICAL.catheter, CANONICAL.filing, CANONICAL.legacy].sort());
      expect(facet(body, 'authority')).toEqual({ 粤: 3, 苏: 1 });
      expect(facet(body, 'class')).toEqual({ '1': 1, '2': 2 });
      expect(facet(body, 'status')).toEqual({ valid: 1, filed: 1, expired: 1 });

      const valid = await search(ctx, { q: '导管', status: 'valid' });
      expect(valid.hits.map((h) => h.canonical).sort()).toEqual([CANONICAL.catheter, CANONICAL.sheath].sort());
      expect(facet(valid, 'status')).toEqual({ valid: 2, filed: 1, expired: 1 });
    });

    it('filters by family, class and year range, and by unknown status', async () => {
      expect((await search(ctx, { q: '导管', family: 'filing' })).hits.map((h) => h.canonical)).toEqual([CANONICAL.filing]);
      expect((await search(ctx, { q: '支架', class: 2 })).hits.map((h) => h.canonical)).toEqual([CANONICAL.imported]);
      const years = await search(ctx, { q: '导管', yearFrom: 2014, yearTo: 2017 });
      expect(years.hits.map((h) => h.canonical).sort()).toEqual([CANONICAL.catheter, CANONICAL.sheath].sort());
      expect((await search(ctx, { q: '3140', status: 'unknown' })).hits.map((h) => h.canonical)).toEqual([CANONICAL.monitor]);
    });

    it('keeps an exact number hit out when a filter excludes it, but counts it in its own facet', async () => {
      const body = await search(ctx, { q: CANONICAL.stent, status: 'valid' });
      expect(body.hits.map((h) => h.canonical)).toEqual([CANONICAL.sheath]);
      expect(facet(body, 'status')).toEqual({ expired: 1, valid: 1 });
    });
  });

  describe('pages', () => {
    it('walks every hit once, in order, with limit and cursor', async () => {
      const all = await search(ctx, { q: '3140', limit: 100 });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: SearchBody = await search(ctx, { q: '3140', limit: 1, ...(cursor ? { cursor } : {}) });
        expect(page.hits.length).toBeLessThanOrEqual(1);
        expect(page.total).toBe(all.total);
        seen.push(...page.hits.map((h) => h.canonical));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(all.hits.map((h) => h.canonical));
      expect(pages).toBe(all.total);
    });

    it('continues from the exact number hit to the text hits', async () => {
      const first = await search(ctx, { q: '国械注准20193140123', limit: 1 });
      expect(first.hits.map((h) => h.matchedBy)).toEqual(['number']);
      const second = await search(ctx, { q: '国械注准20193140123', limit: 1, cursor: first.nextCursor! });
      expect(second.hits.map((h) => [h.matchedBy, h.canonical])).toEqual([['product_name', CANONICAL.sheath]]);
      expect(second.nextCursor).toBeNull();
    });
  });
}
