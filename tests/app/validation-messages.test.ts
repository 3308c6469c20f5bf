import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys } from '../tickets/fixtures.ts';
import { hasChinese, strayLatin } from './chinese-text.ts';

let ctx: TestContext;
let keys: Keys;

beforeAll(async () => {
  ctx = await buildTestApp();
  keys = createKeys(ctx.services);
});
afterAll(() => ctx.close());

interface BadRequest {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
  fields: string[];
}

/** One bad input per kind of zod issue, spread over query, path and body. */
const badRequests: BadRequest[] = [
  { name: 'number too big (query)', method: 'GET', url: '/v1/search?q=%E5%BF%83&limit=5000', fields: ['limit'] },
  { name: 'not a number (query)', method: 'GET', url: '/v1/search?q=%E5%BF%83&limit=abc', fields: ['limit'] },
  { name: 'enum (query)', method: 'GET', url: '/v1/search?q=%E5%BF%83&family=nonsense', fields: ['family'] },
  { name: 'refinement (query)', method: 'GET', url: '/v1/search?q=%E5%BF%83&yearFrom=2024&yearTo=2020', fields: ['yearFrom'] },
  { name: 'date format (query)', method: 'GET', url: '/v1/autofill?number=x&asOf=2026%2F11%2F25', fields: ['asOf'] },
  { name: 'url format (query)', method: 'GET', url: '/v1/autofill?number=x&callbackUrl=not-a-url', fields: ['callbackUrl'] },
  { name: 'missing (query)', method: 'GET', url: '/v1/autofill', fields: ['number'] },
  { name: 'not an integer (path)', method: 'GET', url: '/v1/tickets/abc', fields: ['id'] },
  { name: 'missing (body)', method: 'POST', url: '/v1/numbers/normalize', payload: {}, fields: [] },
  { name: 'wrong type (body)', method: 'POST', url: '/v1/autofill/batch', payload: { numbers: 'x' }, fields: ['numbers'] },
  { name: 'empty list (body)', method: 'POST', url: '/v1/autofill/batch', payload: { numbers: [] }, fields: ['numbers'] },
  { name: 'enum (body)', method: 'POST', url: '/v1/keys', payload: { name: '新密钥', role: 'boss' }, fields: ['role'] },
  { name: 'stray key (body)', method: 'POST', url: '/v1/tickets/1/reject', payload: { reason: 'other', note: '无', bogus: 1 }, fields: [] },
];

describe('400 validation answers', () => {
  it.each(badRequests)('$name: message.zh and every issue are Chinese, with field names in backquotes', async (bad) => {
    const response = await ctx.app.inject({
      method: bad.method,
      url: bad.url,
      payload: bad.payload as object,
      headers: bearer(keys.admin),
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('invalid_request');
    expect(strayLatin(problem.message.zh)).toEqual([]);
    expect(problem.message.en).toMatch(/[A-Za-z]/);
    expect(problem.issues.length).toBeGreaterThan(0);
    for (const issue of problem.issues) {
      expect(hasChinese(issue.message.zh), issue.message.zh).toBe(true);
      expect(strayLatin(issue.message.zh), issue.message.zh).toEqual([]);
      expect(issue.message.en).toMatch(/[A-Za-z]/);
    }
    const fields = problem.issues.map((issue: { field: string | null }) => issue.field);
    for (const field of bad.fields) {
      expect(fields).toContain(field);
      expect(problem.message.zh).toContain(`\`${field}\``);
    }
  });

  it('names the limit the way a person reads it, and keeps zod’s English', async () => {
    const problem = (await ctx.app.inject({ url: '/v1/search?q=%E5%BF%83&limit=5000' })).json();
    expect(problem.issues).toEqual([
      { field: 'limit', message: { zh: '查询参数 `limit`：不能大于 100', en: expect.stringContaining('Too big') } },
    ]);
  });

  it('lists each stray body key as its own field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/tickets/1/reject',
      payload: { reason: 'other', note: '无', bogus: 1 },
      headers: bearer(keys.admin),
    });
    expect(response.json().issues).toContainEqual({
      field: 'bogus',
      message: { zh: '请求体字段 `bogus`：不是可用的字段，请删除', en: expect.stringContaining('bogus') },
    });
  });
});

describe('answers fastify gives before our routes run', () => {
  it.each([
    { name: 'unknown route', method: 'GET' as const, url: '/v1/nothing-here', status: 404 },
    { name: 'broken JSON', method: 'POST' as const, url: '/v1/numbers/normalize', payload: '{"input":', status: 400 },
    {
      name: 'wrong content type',
      method: 'POST' as const,
      url: '/v1/numbers/normalize',
      payload: 'x',
      type: 'application/x-nonsense',
      status: 415,
    },
  ])('$name: Chinese-only zh', async ({ method, url, payload, type, status }) => {
    const response = await ctx.app.inject({
      method,
      url,
      payload,
      headers: { 'content-type': type ?? 'application/json', ...bearer(keys.admin) },
    });
    expect(response.statusCode).toBe(status);
    const { zh } = response.json().message;
    expect(hasChinese(zh)).toBe(true);
    expect(strayLatin(zh)).toEqual([]);
  });
});
