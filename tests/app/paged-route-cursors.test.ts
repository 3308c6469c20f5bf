import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { searchApp } from '../search/search-fixtures.ts';
import { bearer, createKeys, type Keys, missLookup } from '../tickets/fixtures.ts';

/** Each paged route, how its cursor is passed, and a first page that has a next one. */
const ROUTES = {
  tickets: { url: '/v1/tickets?sort=demand&limit=1', param: 'cursor', role: 'technician' },
  changes: { url: '/v1/changes?limit=1', param: 'since', role: 'reader' },
  audit: { url: '/v1/audit?limit=1', param: 'cursor', role: 'admin' },
  search: { url: '/v1/search?q=3140&limit=1', param: 'cursor', role: 'reader' },
  certificates: { url: '/v1/certificates?limit=1', param: 'cursor', role: 'reader' },
} as const satisfies Record<string, { url: string; param: string; role: keyof Keys }>;
type Route = keyof typeof ROUTES;
const NAMES = Object.keys(ROUTES) as Route[];

let ctx: TestContext;
let keys: Keys;
const cursors = {} as Record<Route, string>;

const get = (route: Route, cursor?: string) => {
  const { url, param, role } = ROUTES[route];
  return ctx.app.inject({
    url: cursor === undefined ? url : `${url}&${param}=${encodeURIComponent(cursor)}`,
    headers: bearer(keys[role]),
  });
};

beforeAll(async () => {
  ctx = await searchApp();
  keys = createKeys(ctx.services);
  for (const number of ['粤械注准20232070123', '粤械注准20232070124']) await missLookup(ctx.app, number, keys.reader);
  for (const route of NAMES) {
    const response = await get(route);
    expect(response.statusCode, response.body).toBe(200);
    cursors[route] = response.json().nextCursor;
  }
});
afterAll(() => ctx?.close());

describe('one cursor for every paged route', () => {
  it.each(NAMES)('%s: its own cursor is opaque and gets the next page', async (route) => {
    expect(cursors[route]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursors[route], 'base64url').toString('utf8')).not.toMatch(/^\d+$/);
    expect((await get(route, cursors[route])).statusCode).toBe(200);
  });

  it.each(NAMES)("%s: another route's cursor, or garbage is a 400 invalid_cursor", async (route) => {
    const others = NAMES.filter((name) => name !== route).map((name) => cursors[name]);
    for (const cursor of [...others, 'not-a-cursor', '12', Buffer.from('[1,"x",{}]').toString('base64url')]) {
      const response = await get(route, cursor);
      expect(response.statusCode, `${route} with ${cursor}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_cursor', message: { zh: expect.any(String), en: expect.any(String) } });
    }
  });

  it('changes: a cursor a mirror stored before the shared encoding still continues where it was', async () => {
    const stored = `c1.${Buffer.from('1').toString('base64url')}`;
    const response = await get('changes', stored);
    expect(response.statusCode).toBe(200);
    expect(response.json().changes[0].id).toBe(2);
  });
});
