import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, tempDir } from '../tickets/fixtures.ts';

let ctx: TestContext;
let keys: Keys;
beforeAll(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), lookupsRequireKey: true, rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
});
afterAll(() => ctx.close());

describe('LOOKUPS_REQUIRE_KEY=true', () => {
  it.each([
    ['GET', '/v1/autofill?number=%E7%B2%A4%E6%A2%B0%E6%B3%A8%E5%87%8620232079999'],
    ['GET', '/v1/certificates/x'],
    ['POST', '/v1/autofill/batch'],
    ['POST', '/v1/numbers/normalize'],
    ['GET', '/v1/tickets/1'],
  ] as const)('%s %s needs a reader key', async (method, url) => {
    const anonymous = await ctx.app.inject({ method, url, ...(method === 'POST' ? { payload: { numbers: ['x'], inputs: ['x'] } } : {}) });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized', requiredRole: 'reader' });
    const withKey = await ctx.app.inject({ method, url, headers: bearer(keys.reader) });
    expect([200, 400, 404, 422]).toContain(withKey.statusCode);
  });

  it('still serves health without a key', async () => {
    expect((await ctx.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
