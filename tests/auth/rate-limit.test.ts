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

  it('never limits the health probes, however often one address asks', async () => {
    for (let i = 0; i < 10; i++) {
      for (const url of ['/healthz', '/readyz']) expect((await ctx.app.inject({ url, remoteAddress: '10.4.4.4' })).statusCode).toBe(200);
    }
  });

  it('counts refused requests against the address: past the limit it answers 429 before looking at the key', async () => {
    const ip = '10.5.5.5';
    const refusedOnce = [
      ctx.app.inject({ url: '/v1/keys', headers: bearer('crk_guessed-key-00000000000000000000000'), remoteAddress: ip }),
      ctx.app.inject({ url: '/v1/tickets', remoteAddress: ip }),
      ctx.app.inject({ url: '/v1/audit', headers: bearer(keys.reader), remoteAddress: ip }),
    ];
    expect((await Promise.all(refusedOnce)).map((r) => r.statusCode)).toEqual([401, 401, 403]);

    const guess = await ctx.app.inject({ url: '/v1/keys', headers: bearer(keys.admin.slice(0, -1)), remoteAddress: ip });
    expect(guess.statusCode).toBe(429);
    expect(guess.headers['content-type']).toContain('application/problem+json');
    expect(Number(guess.headers['retry-after'])).toBeGreaterThan(0);
    expect(guess.json()).toMatchObject({ code: 'rate_limited', limitPerMinute: 3 });
    // Even the right key: a guesser that hit it would learn nothing from the answer.
    expect((await ctx.app.inject({ url: '/v1/keys', headers: bearer(keys.admin), remoteAddress: ip })).statusCode).toBe(429);
    expect((await ctx.app.inject({ url: '/healthz', remoteAddress: ip })).statusCode).toBe(200);
    // Other addresses are refused as before, and the key works from them.
    expect(
      (await ctx.app.inject({ url: '/v1/keys', headers: bearer('crk_guessed-key-00000000000000000000000'), remoteAddress: '10.5.5.6' }))
        .statusCode,
    ).toBe(401);
    expect((await ctx.app.inject({ url: '/v1/keys', headers: bearer(keys.admin), remoteAddress: '10.5.5.6' })).statusCode).toBe(200);
  });

  it('leaves the console’s static files alone', async () => {
    for (let i = 0; i < 5; i++) expect((await ctx.app.inject({ url: '/console/', remoteAddress: '10.3.3.3' })).statusCode).toBe(200);
  });
});
