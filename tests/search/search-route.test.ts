import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { search, searchApp } from './search-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await searchApp();
});
afterAll(() => ctx?.close());

const get = (query: Record<string, string>) => ctx.app.inject({ url: '/v1/search', query });

describe('GET /v1/search refuses what it cannot answer', () => {
  it.each([
    ['an unknown key', { q: '导管', sort: 'name' }],
    ['a limit over 100', { q: '导管', limit: '101' }],
    ['a limit of 0', { q: '导管', limit: '0' }],
    ['no q', {}],
    ['an unknown authority', { q: '导管', authority: '港' }],
    ['a class outside 1–3', { q: '导管', class: '4' }],
    ['yearFrom after yearTo', { q: '导管', yearFrom: '2020', yearTo: '2019' }],
    ['a malformed cursor', { q: '导管', cursor: 'not-a-cursor' }],
  ])('%s: 400 problem', async (_, query) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400 });
  });

  it('a cursor from another query or other filters: 400 invalid_cursor', async () => {
    const first = await search(ctx, { q: '3140', limit: 1 });
    for (const query of [{ q: '导管' }, { q: '3140', authority: '粤' }] as Record<string, string>[]) {
      const response = await get({ ...query, cursor: first.nextCursor! });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_cursor', reason: 'other_query' });
    }
  });

  it('a query with nothing to search for: 422 search_query_empty', async () => {
    const response = await get({ q: '（ ）—！' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'search_query_empty', message: { zh: expect.any(String), en: expect.any(String) } });
  });

  it('declares its answers in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const operation = document.paths['/v1/search'].get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '422']));
    for (const parameter of operation.parameters) expect(parameter.description ?? parameter.schema?.description).toBeTruthy();
  });
});
