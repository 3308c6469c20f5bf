import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { matchKeyPrefixes } from '../../src/certificates/listing/key-ranges.ts';
import { type ListingPage, listingQuerySchema } from '../../src/certificates/listing/listing.schemas.ts';
import { encodeChangeCursor } from '../../src/changes/change-cursor.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

const TODAY = '2026-11-25';
const DEMO_COUNT = 400;
let ctx: TestContext;

beforeAll(async () => {
  // Hundreds of pages from one address: the rate limit is not what this test is about.
  ctx = await buildTestApp({ today: TODAY, config: { rateLimitPerMinute: 0 } });
  loadDemoData(ctx.services.writer, { count: DEMO_COUNT, today: TODAY });
});
afterAll(() => ctx.close());

const sqlite = () => ctx.services.database.sqlite;
const column = (sql: string, ...parameters: unknown[]): string[] =>
  sqlite()
    .prepare(sql)
    .pluck()
    .all(...parameters) as string[];

async function listing(query: string): Promise<{ status: number; body: ListingPage & { code?: string; reason?: string } }> {
  const response = await ctx.app.inject({ url: `/v1/certificates?${query}` });
  return { status: response.statusCode, body: response.json() };
}

/** Every page of one walk, following nextCursor from the first page. */
async function walk(query: string): Promise<ListingPage[]> {
  const pages: ListingPage[] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await listing(cursor === null ? query : `${query}&cursor=${encodeURIComponent(cursor)}`);
    expect(status, JSON.stringify(body)).toBe(200);
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 1_000);
  return pages;
}

const canonicals = (pages: ListingPage[]) => pages.flatMap((page) => page.items.map((item) => item.canonical));

describe('GET /v1/certificates pages the whole store', () => {
  it('shows every certificate exactly once, in match-key order, with one snapshot for the whole walk', async () => {
    const pages = await walk('limit=37');
    const listed = canonicals(pages);
    expect(listed).toEqual(column('SELECT canonical FROM certificates ORDER BY match_key'));
    expect(new Set(listed).size).toBe(DEMO_COUNT);
    // Every page but the last is full; the last says the walk is complete.
    expect(pages.slice(0, -1).every((page) => page.items.length === 37)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(new Set(pages.map((page) => page.dataAsOf))).toEqual(new Set([pages[0]!.dataAsOf]));
    const lastChange = sqlite().prepare('SELECT max(id) FROM change_log').pluck().get() as number;
    expect(new Set(pages.map((page) => page.changesCursor))).toEqual(new Set([encodeChangeCursor(lastChange)]));
  });

  it('the same walk gives the same pages (a stable order)', async () => {
    const first = canonicals(await walk('limit=50'));
    const again = canonicals(await walk('limit=50'));
    expect(again).toEqual(first);
  });

  it('each item is what a lookup of the number says is in effect', async () => {
    const { body } = await listing('limit=1000');
    const sample = body.items.filter((_, i) => i % 40 === 0);
    for (const item of sample) {
      const view = (await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(item.canonical)}` })).json();
      expect(item, item.canonical).toMatchObject({
        canonical: view.canonical,
        status: view.status,
        datesKnown: view.datesKnown,
        current: view.current,
        number: { family: view.number.family, authority: view.number.authority, class: view.number.class, year: view.number.year },
      });
    }
  });
});

describe('filters', () => {
  it('authority: an abbreviation selects its legacy and current numbers alike, and every stored key lies where the filter looks', async () => {
    const rows = sqlite().prepare('SELECT authority, match_key AS matchKey FROM certificates').all() as {
      authority: string;
      matchKey: string;
    }[];
    for (const { authority, matchKey } of rows) {
      expect(
        matchKeyPrefixes(authority).some((prefix) => matchKey.startsWith(prefix)),
        matchKey,
      ).toBe(true);
    }
    const expected = column(`SELECT canonical FROM certificates WHERE authority = '粤' ORDER BY match_key`);
    expect(expected.some((canonical) => canonical.includes('药'))).toBe(true);
    expect(canonicals(await walk(`authority=${encodeURIComponent('粤')}&limit=7`))).toEqual(expected);
    expect(canonicals(await walk(`authority=${encodeURIComponent('国')}&limit=1000`))).toEqual(
      column(`SELECT canonical FROM certificates WHERE authority = '国' ORDER BY match_key`),
    );
  });

  it('authority: the start of a current-format number selects those numbers', async () => {
    for (const prefix of ['粤械注准', '国械注进', '粤穗械备']) {
      const expected = column('SELECT canonical FROM certificates WHERE substr(canonical, 1, 4) = ? ORDER BY match_key', prefix);
      expect(expected.length, prefix).toBeGreaterThan(0);
      expect(canonicals(await walk(`authority=${encodeURIComponent(prefix)}&limit=5`)), prefix).toEqual(expected);
    }
  });

  it('authority: a legacy spelling or an unknown authority is a 400 in Chinese and English', async () => {
    for (const value of ['粤药监械', '国食药监械', 'XX', '械注准', '']) {
      const { status, body } = await listing(`authority=${encodeURIComponent(value)}`);
      expect(status, value).toBe(400);
      expect(body).toMatchObject({
        code: 'invalid_request',
        message: { zh: expect.stringContaining('authority'), en: expect.any(String) },
      });
    }
  });

  it('updatedSince: only certificates whose summary changed since then, whichever index answers', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renewed = column(`SELECT canonical FROM certificates WHERE family = 'registration' ORDER BY id LIMIT 12`);
    storeDocuments(
      ctx.services,
      renewed.map((number) => ({
        number,
        documentType: 'renewal' as const,
        productName: '续证后的产品',
        approvalDate: '2026-10-01',
        expiryDate: '2031-09-30',
      })),
    );
    const expected = column('SELECT canonical FROM certificates WHERE updated_at >= ? ORDER BY match_key', since);
    expect(new Set(expected)).toEqual(new Set(renewed));
    // Few changed: read from the updated_at index; the same with a date-time in another offset.
    expect(canonicals(await walk(`updatedSince=${encodeURIComponent(since)}&limit=5`))).toEqual(expected);
    const shanghai = new Date(Date.parse(since) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(canonicals(await walk(`updatedSince=${encodeURIComponent(shanghai)}&limit=5`))).toEqual(expected);
    // All changed since long ago: the match-key walk answers.
    expect(canonicals(await walk('updatedSince=2000-01-01&limit=9'))).toEqual(
      column('SELECT canonical FROM certificates ORDER BY match_key'),
    );
  });

  it('updatedSince: a date is midnight in China; a malformed or impossible date is a 400', async () => {
    expect(listingQuerySchema.parse({ updatedSince: '2026-11-25' }).updatedSince).toBe('2026-11-24T16:00:00.000Z');
    expect(listingQuerySchema.parse({ updatedSince: '2026-11-25T09:30:00+08:00' }).updatedSince).toBe('2026-11-25T01:30:00.000Z');
    expect((await listing('updatedSince=2026-11-25')).status).toBe(200);
    for (const value of ['2026-02-30', 'yesterday', '2026-11-25T10:00:00', '20261125']) {
      const response = await listing(`updatedSince=${encodeURIComponent(value)}`);
      expect(response.status, value).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_request', message: { zh: expect.stringContaining('updatedSince') } });
    }
  });

  it('authority and updatedSince together', async () => {
    const expected = column(`SELECT canonical FROM certificates WHERE authority = '国' AND updated_at >= '2000' ORDER BY match_key`);
    expect(canonicals(await walk(`authority=${encodeURIComponent('国')}&updatedSince=2000-01-01&limit=11`))).toEqual(expected);
  });
});

describe('limits and cursors', () => {
  it('limit: 100 by default, at most 1,000, at least 1', async () => {
    expect((await listing('')).body.items).toHaveLength(100);
    expect((await listing('limit=1000')).body.items).toHaveLength(DEMO_COUNT);
    expect((await listing('limit=1')).body.items).toHaveLength(1);
    for (const limit of ['0', '1001', 'many', '2.5']) {
      const { status, body } = await listing(`limit=${limit}`);
      expect(status, limit).toBe(400);
      expect(body).toMatchObject({ code: 'invalid_request', message: { zh: expect.stringContaining('limit') } });
    }
  });

  it('a cursor that is not one, or comes from the change feed, is a 400 invalid_cursor', async () => {
    for (const cursor of ['garbage', encodeChangeCursor(3), 'W10']) {
      const { status, body } = await listing(`cursor=${encodeURIComponent(cursor)}`);
      expect(status, cursor).toBe(400);
      expect(body).toMatchObject({ code: 'invalid_cursor', reason: 'malformed' });
    }
  });

  it("a cursor used with other filters than its walk's is a 400 invalid_cursor", async () => {
    const { body } = await listing(`authority=${encodeURIComponent('粤')}&limit=2`);
    for (const query of [
      'limit=2',
      `authority=${encodeURIComponent('国')}&limit=2`,
      `authority=${encodeURIComponent('粤')}&updatedSince=2020-01-01`,
    ]) {
      const response = await listing(`${query}&cursor=${encodeURIComponent(body.nextCursor!)}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_cursor', reason: 'other_query' });
    }
    // The limit is not a filter: a walk may change its page size.
    expect((await listing(`authority=${encodeURIComponent('粤')}&limit=5&cursor=${encodeURIComponent(body.nextCursor!)}`)).status).toBe(
      200,
    );
  });
});

describe('every page reads an index', () => {
  const plans = (request: { prefixes: string[]; after: string | null; updatedSince?: string; limit: number }) =>
    ctx.services.certificateListing.explain({ highWater: 1_000_000, ...request });

  it('the whole store, an authority and a prefix walk the match-key index, with no sort and no OFFSET', () => {
    for (const request of [
      { prefixes: matchKeyPrefixes(undefined), after: null, limit: 1000 },
      { prefixes: matchKeyPrefixes(undefined), after: '粤械注准20192140001', limit: 1000 },
      { prefixes: matchKeyPrefixes('粤'), after: null, limit: 1000 },
      { prefixes: matchKeyPrefixes('粤械注准'), after: '粤械注准20192140001', limit: 1000 },
      // Every certificate changed since then: more than the small pages of this store make the index worth it.
      { prefixes: matchKeyPrefixes(undefined), after: null, updatedSince: '2000-01-01T00:00:00.000Z', limit: 1 },
    ]) {
      for (const steps of plans(request)) {
        expect(steps, JSON.stringify(request)).toEqual([
          expect.stringMatching(/^SEARCH certificates USING INDEX certificates_match_key_uq \(match_key>/),
        ]);
      }
    }
  });

  it('updatedSince with few changed reads the updated_at index alone (sorting only those), then each row by its match key', () => {
    const steps = plans({ prefixes: matchKeyPrefixes('粤'), after: null, updatedSince: '2100-01-01T00:00:00.000Z', limit: 1000 }).flat();
    expect(steps.some((step) => /SEARCH certificates USING COVERING INDEX certificates_updated_at_idx \(updated_at>\?\)/.test(step))).toBe(
      true,
    );
    expect(steps.some((step) => /SEARCH certificates USING INDEX certificates_match_key_uq \(match_key=\?\)/.test(step))).toBe(true);
    expect(steps.some((step) => /\bSCAN certificates\b/.test(step))).toBe(false);
  });
});
