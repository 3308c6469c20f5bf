import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from '../tickets/fixtures.ts';

let ctx: TestContext;
let keys: Keys;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
  const { body } = await missLookup(ctx.app);
  await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${body.ticket.id}/claim`, headers: bearer(keys.technician) });
  storeDocuments(ctx.services, [
    { number: MISSING_GD, documentType: 'registration', approvalDate: '2023-03-15', expiryDate: '2028-03-14', productName: '体温计' },
  ]);
});
afterEach(() => ctx.close());

const audit = async (query: string) => {
  const response = await ctx.app.inject({ url: `/v1/audit?${query}`, headers: bearer(keys.admin) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /v1/audit', () => {
  it('lists certificate, ticket and key changes newest first, with before and after', async () => {
    const { entries } = await audit('');
    expect(entries.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual([
      'ticket:resolved',
      'certificate:created',
      'ticket:claimed',
      'ticket:opened',
      'api_key:created',
      'api_key:created',
      'api_key:created',
      'api_key:created',
    ]);
    const claimed = entries.find((e: { action: string }) => e.action === 'claimed');
    expect(claimed.before).toMatchObject({ status: 'open' });
    expect(claimed.after).toMatchObject({ status: 'claimed', claimedByName: '技术员张三' });
    expect(claimed.at).toBe('2026-11-25T04:00:00.000Z');
  });

  it('filters by entity, id, actor and action', async () => {
    expect((await audit('entity=ticket')).entries).toHaveLength(3);
    expect((await audit(`entity=certificate&entityId=${encodeURIComponent(MISSING_GD)}`)).entries).toHaveLength(1);
    expect((await audit('action=claimed')).entries).toHaveLength(1);
    expect((await audit('actor=system')).entries.map((e: { action: string }) => e.action)).toEqual(['resolved', 'created']);
    expect((await audit('since=2026-11-26T00:00:00Z')).entries).toHaveLength(0);
  });

  it('pages by cursor', async () => {
    const first = await audit('limit=3');
    expect(first.entries).toHaveLength(3);
    const second = await audit(`limit=3&cursor=${first.nextCursor}`);
    const third = await audit(`limit=3&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(8);
  });
});
