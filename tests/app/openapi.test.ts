import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(() => ctx.close());

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document served at /openapi.json', async () => {
    const response = await ctx.app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    expect(document.openapi).toMatch(/^3\.1/);
  });

  it('declares every route with its error answers', async () => {
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const paths = Object.keys(document.paths);
    for (const path of [
      '/v1/certificates/{number}',
      '/v1/autofill',
      '/v1/autofill/batch',
      '/v1/numbers/normalize',
      '/healthz',
      '/readyz',
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(document.paths['/v1/autofill'].get.responses)).toEqual(expect.arrayContaining(['200', '404', '422']));
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await ctx.app.inject({ url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});
