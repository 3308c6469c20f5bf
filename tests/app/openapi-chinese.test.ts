import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { hasChinese } from './chinese-text.ts';

let ctx: TestContext;
let document: {
  tags?: { name: string; description?: string }[];
  paths: Record<
    string,
    Record<string, { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; description?: string }[] }>
  >;
};

beforeAll(async () => {
  ctx = await buildTestApp();
  document = (await ctx.app.inject({ url: '/openapi.json' })).json();
});
afterAll(() => ctx.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );

describe('the OpenAPI document reads in Chinese', () => {
  it('every operation has a summary and a description, each with Chinese', () => {
    const missing = operations()
      .filter(({ operation }) => !hasChinese(operation.summary ?? '') || !hasChinese(operation.description ?? ''))
      .map(({ name }) => name);
    expect(operations().length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('every query and path parameter is described in Chinese', () => {
    const lacking = operations().flatMap(({ name, operation }) =>
      (operation.parameters ?? []).filter((p) => !hasChinese(p.description ?? '')).map((p) => `${name} ${p.name}`),
    );
    expect(lacking).toEqual([]);
  });

  it('every tag an operation uses is declared with a Chinese description', () => {
    const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description ?? '']));
    const used = new Set(operations().flatMap(({ operation }) => operation.tags ?? []));
    const lacking = [...used].filter((tag) => !hasChinese(declared.get(tag) ?? ''));
    expect(lacking).toEqual([]);
    expect([...declared.values()].filter((text) => !hasChinese(text))).toEqual([]);
  });
});
