import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp();
});
afterEach(() => ctx.close());

it('is live and ready once migrated', async () => {
  expect((await ctx.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  expect((await ctx.app.inject({ url: '/readyz' })).statusCode).toBe(200);
});

it('is not ready once the database is closed', async () => {
  ctx.services.database.close();
  const response = await ctx.app.inject({ url: '/readyz' });
  expect(response.statusCode).toBe(503);
  expect(response.json().code).toBe('not_ready');
  ctx.services.close = () => {};
});
