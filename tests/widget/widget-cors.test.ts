import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

const ALLOWED = 'https://report.example.com';
const OTHER = 'https://elsewhere.example.org';
const AUTOFILL = `/v1/autofill?number=${encodeURIComponent('国械注准20153661234')}`;

function preflight(origin: string, url = AUTOFILL) {
  return {
    method: 'OPTIONS' as const,
    url,
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
  };
}

describe('WIDGET_ALLOWED_ORIGINS', () => {
  it('reads a comma list of origins, and refuses one with a path in Chinese and English', () => {
    const config = loadConfig({ WIDGET_ALLOWED_ORIGINS: ` ${ALLOWED}, http://127.0.0.1:8080 ,` });
    expect(config.widgetAllowedOrigins).toEqual([ALLOWED, 'http://127.0.0.1:8080']);
    expect(loadConfig({}).widgetAllowedOrigins).toEqual([]);
    let error: unknown;
    try {
      loadConfig({ WIDGET_ALLOWED_ORIGINS: `${ALLOWED}/forms/` });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toContain('WIDGET_ALLOWED_ORIGINS');
    expect(String((error as Error).message)).toContain('不带路径');
  });
});

describe('CORS for the widget, with one allowed origin', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp({ config: { widgetAllowedOrigins: [ALLOWED], rateLimitPerMinute: 0 } });
  });
  afterAll(() => ctx.close());

  it('an allowed origin gets access-control-allow-origin on the auto-fill answer, even a 404 problem', async () => {
    const response = await ctx.app.inject({ url: AUTOFILL, headers: { origin: ALLOWED } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(response.headers.vary)).toContain('Origin');
  });

  it('another origin gets no access-control-allow-origin, and the answer is otherwise the same', async () => {
    const response = await ctx.app.inject({ url: AUTOFILL, headers: { origin: OTHER } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a preflight with x-api-key from an allowed origin is answered 204 with the header allowed', async () => {
    const response = await ctx.app.inject(preflight(ALLOWED));
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('x-api-key');
    expect(String(response.headers['access-control-allow-methods'])).toContain('GET');
  });

  it('a preflight from another origin is a 404 problem without CORS headers', async () => {
    const response = await ctx.app.inject(preflight(OTHER));
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('covers what the widget calls (auto-fill, batch, a certificate) and nothing else', async () => {
    for (const url of [AUTOFILL, '/v1/autofill/batch', `/v1/certificates/${encodeURIComponent('国械注准20153661234')}`]) {
      expect((await ctx.app.inject(preflight(ALLOWED, url))).headers['access-control-allow-origin'], url).toBe(ALLOWED);
    }
    for (const url of ['/v1/keys', '/v1/tickets', '/v1/search?q=x', '/v1/autofillx']) {
      const response = await ctx.app.inject({ url, headers: { origin: ALLOWED } });
      expect(response.headers['access-control-allow-origin'], url).toBeUndefined();
    }
  });

  it('a wrong key from an allowed page is a 401 the page can read', async () => {
    const response = await ctx.app.inject({ url: AUTOFILL, headers: { origin: ALLOWED, 'x-api-key': 'crk_not-a-real-key' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_api_key');
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
  });
});

describe('CORS for the widget, with no origin configured (same origin only)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp();
  });
  afterAll(() => ctx.close());

  it('no origin gets CORS headers, and a preflight is a 404 problem', async () => {
    const simple = await ctx.app.inject({ url: AUTOFILL, headers: { origin: ALLOWED } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const response = await ctx.app.inject(preflight(ALLOWED));
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
