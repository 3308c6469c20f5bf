import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, tempDir } from '../tickets/fixtures.ts';

let ctx: TestContext;
let keys: Keys;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 3 } });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

const lookup = (headers: Record<string, string> = {}, ip = '10.1.1.1') =>
  ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent('湘械注准20192140881')}`, headers, remoteAddress: ip });

describe('rate limiting', () => {
  it('answers 429 problem+json (rate_limited, zh/en) past the limit per address', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup()).statusCode).toBe(404);
    const limited = await lookup();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
    const body = limited.json();
    expect(body).toMatchObject({ code: 'rate_limited', status: 429, limitPerMinute: 3 });
    expect(body.message.zh).toContain('每分钟最多 3 次');
    expect(body.message.en).toContain('3 a minute');
    // Another address has its own budget.
    expect((await lookup({}, '10.1.1.2')).statusCode).toBe(404);
  });

  it('counts per key, whatever the address', async () => {
    for (let i = 0; i < 3; i++) expect((await lookup(bearer(keys.reader), `10.2.0.${i}`)).statusCode).toBe(404);
    expect((await lookup(bearer(keys.reader), '10.2.0.9')).statusCode).toBe(429);
    expect((await lookup(bearer(keys.technician), '10.2.0.9')).statusCode).toBe(404);
  });

  it('leaves the console’s static files alone', async () => {
    for (let i = 0; i < 5; i++) expect((await ctx.app.inject({ url: '/console/', remoteAddress: '10.3.3.3' })).statusCode).toBe(200);
  });
});
