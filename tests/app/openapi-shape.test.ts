import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

/** The document less its prose: what a client generator sees. Descriptions may change freely. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null || typeof value !== 'object') return value;
  // Keys sorted: the order components are registered in is no part of the API.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description' && key !== 'summary')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, shapeOf(inner)]),
  );
}

describe('OpenAPI document shape', () => {
  it('changes only when the API does: paths, parameters, schemas and answers match the recorded shape', async () => {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json();
    // After a deliberate API change, `npx vitest run tests/app/openapi-shape.test.ts -u` records the new shape.
    await expect(JSON.stringify(shapeOf(document), null, 1)).toMatchFileSnapshot('./__snapshots__/openapi-shape.json');
  });
});
