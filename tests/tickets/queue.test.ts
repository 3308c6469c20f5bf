import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-11-20T01:00:00Z');
  ctx = await buildTestApp({ now: () => clock, config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

/** Five tickets opened a minute apart; the later ones looked up more often. */
async function seed(): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) {
    clock = new Date(Date.UTC(2026, 10, 20, 1, i));
    const number = `粤械注准2023207${String(100 + i).padStart(4, '0')}`;
    let id = 0;
    for (let n = 0; n <= i; n++) id = (await missLookup(ctx.app, number)).body.ticket.id;
    ids.push(id);
  }
  return ids;
}

const page = async (query: string) => {
  const response = await ctx.app.inject({ url: `/v1/tickets?${query}`, headers: bearer(keys.technician) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /v1/tickets', () => {
  it('sorts by demand (most lookups first) and by age (longest waiting first)', async () => {
    const ids = await seed();
    expect((await page('sort=demand')).tickets.map((t: { id: number }) => t.id)).toEqual([...ids].reverse());
    expect((await page('sort=age')).tickets.map((t: { id: number }) => t.id)).toEqual(ids);
    expect((await page('')).tickets[0].requestCount).toBe(5);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const ids = await seed();
    for (const sort of ['demand', 'age']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body = await page(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(body.total).toBe(cursor ? null : 5);
        seen.push(...body.tickets.map((t: { id: number }) => t.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.sort()).toEqual([...ids].sort());
    }
  });

  it('filters by state', async () => {
    const ids = await seed();
    await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${ids[1]}/claim`, headers: bearer(keys.technician) });
    const claimed = await page('status=claimed');
    expect(claimed.tickets.map((t: { id: number }) => t.id)).toEqual([ids[1]]);
    expect(claimed.total).toBe(1);
    expect((await page('status=open')).total).toBe(4);
    expect((await page('status=resolved')).tickets).toEqual([]);
  });

  it('refuses a cursor from another sort or a forged one', async () => {
    await seed();
    const { nextCursor } = await page('sort=demand&limit=1');
    for (const cursor of [nextCursor, 'not-a-cursor', Buffer.from('["age",1]').toString('base64url')]) {
      const response = await ctx.app.inject({ url: `/v1/tickets?sort=age&cursor=${cursor}`, headers: bearer(keys.technician) });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('invalid_cursor');
    }
    expect((await ctx.app.inject({ url: '/v1/tickets?status=lost', headers: bearer(keys.technician) })).statusCode).toBe(400);
  });
});
