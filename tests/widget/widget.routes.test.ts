import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

/** What a host page pays for one script tag, gzipped as a server or CDN would send it. */
const MAX_GZIPPED_BYTES = 15 * 1024;

let ctx: TestContext;
beforeAll(async () => {
  // Lookups locked behind a key: the widget's files must still load for anonymous visitors.
  ctx = await buildTestApp({ config: { lookupsRequireKey: true } });
});
afterAll(() => ctx.close());

describe('GET /widget/certref.js', () => {
  it('is JavaScript anyone may load, from any site', async () => {
    const response = await ctx.app.inject({ url: '/widget/certref.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toContain("customElements.define('certref-autofill'");
  });

  it(`is at most ${MAX_GZIPPED_BYTES} bytes gzipped`, async () => {
    const response = await ctx.app.inject({ url: '/widget/certref.js' });
    const gzipped = gzipSync(response.rawPayload, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
  });

  it('is a classic script (no import or export), so a host page needs no type="module" and no CORS to load it', async () => {
    const body = (await ctx.app.inject({ url: '/widget/certref.js' })).body;
    expect(body).not.toMatch(/^\s*(import|export)\s/m);
    expect(body).not.toContain('import.meta');
  });
});

describe('GET /widget/demo', () => {
  it('is a Chinese HTML page with the reporting form’s product fields and one script tag', async () => {
    const response = await ctx.app.inject({ url: '/widget/demo' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const body = response.body;
    expect(body).toContain('<html lang="zh-CN">');
    for (const label of ['注册证编号/备案凭证编号', '产品名称', '注册人/备案人名称', '批准日期', '生效日期', '有效期至', '型号规格']) {
      expect(body).toContain(`>${label}</label>`);
    }
    for (const field of ['number', 'productName', 'holder', 'approvalDate', 'effectiveDate', 'expiryDate', 'model']) {
      expect(body).toContain(`data-certref="${field}"`);
    }
    expect(body.match(/<script\b/g)).toHaveLength(1);
    expect(body).toContain('<script src="/widget/certref.js" defer></script>');
  });

  it('without data it offers no numbers to try; with demo data it offers ones the auto-fill answers as labelled', async () => {
    expect((await ctx.app.inject({ url: '/widget/demo' })).body).not.toContain('可试用的证号');
    const withData = await buildTestApp();
    try {
      loadDemoData(withData.services.writer, { count: 300, today: withData.services.today() });
      const body = (await withData.app.inject({ url: '/widget/demo' })).body;
      expect(body).toContain('可试用的证号');
      const offered = [...body.matchAll(/<code>([^<]+)<\/code>（([^）]+)）/g)].map((m) => ({ number: m[1]!, label: m[2]! }));
      expect(offered.map((o) => o.label)).toEqual(['有效', '有效', '已过期']);
      for (const { number, label } of offered) {
        const answer = (await withData.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}` })).json();
        expect(answer.number).toBe(number);
        expect(answer.status).toBe(label === '有效' ? 'valid' : 'expired');
      }
    } finally {
      await withData.close();
    }
  });

  it('its stylesheet answers', async () => {
    const response = await ctx.app.inject({ url: '/widget/demo.css' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('no other file under /widget/ is served', async () => {
    for (const url of ['/widget/demo.html', '/widget/../package.json', '/widget/public/certref.js', '/widget/']) {
      expect((await ctx.app.inject({ url })).statusCode, url).toBe(404);
    }
  });
});

describe('the widget routes and the API document', () => {
  it('are pages for browsers, not part of the API: the OpenAPI document lists none of them', async () => {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/widget'))).toEqual([]);
  });
});
