import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  // Lookups locked behind a key: the home page must still open for anonymous visitors.
  ctx = await buildTestApp({ config: { lookupsRequireKey: true } });
});
afterAll(() => ctx.close());

describe('GET /', () => {
  it('answers a Chinese-first HTML page to an anonymous caller, not a 404', async () => {
    const response = await ctx.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="zh-CN">');
    // The first paragraph is Chinese, the English one follows it.
    expect(response.body.indexOf('参考数据服务')).toBeGreaterThan(-1);
    expect(response.body.indexOf('参考数据服务')).toBeLessThan(response.body.indexOf('certref is the reference data'));
  });

  it('links to the API reference, the console, the widget demo, the OpenAPI document and the liveness check', async () => {
    const body = (await ctx.app.inject({ url: '/' })).body;
    for (const href of ['/docs', '/console', '/widget/demo', '/openapi.json', '/healthz']) expect(body).toContain(`href="${href}"`);
  });

  it('every page it links to answers (no dead link)', async () => {
    const body = (await ctx.app.inject({ url: '/' })).body;
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBe(5);
    for (const href of hrefs) {
      const response = await ctx.app.inject({ url: href });
      expect([200, 301, 302], `${href} answered ${response.statusCode}`).toContain(response.statusCode);
    }
  });

  it('is a page for people, not part of the API: the OpenAPI document does not list it', async () => {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).not.toContain('/');
  });
});
