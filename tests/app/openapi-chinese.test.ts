import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { hasChinese, startsWithChinese } from './chinese-text.ts';

let ctx: TestContext;
let document: {
  components?: { schemas?: Record<string, unknown> };
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

  it('every description in the document, down to each schema field, starts in Chinese', () => {
    const offenders = describedIn(document).filter(({ text }) => !startsWithChinese(text));
    expect(describedIn(document).length).toBeGreaterThan(500);
    expect(offenders.map(({ pointer, text }) => `${pointer}: ${text}`)).toEqual([]);
  });

  it('the walk reaches parameters, request bodies, responses and nested component schemas', () => {
    const pointers = describedIn(document).map(({ pointer }) => pointer);
    for (const part of [
      /\/parameters\/\d+\/description$/,
      /\/requestBody\//,
      /\/responses\/\d+\/description$/,
      /^\/components\/schemas\/[^/]+\/properties\/.+\/(items|anyOf|oneOf|allOf)\//,
    ]) {
      expect(pointers.some((pointer) => part.test(pointer))).toBe(true);
    }
  });

  it('an English-only description anywhere is reported by its JSON pointer', () => {
    const offendersIn = (doc: unknown) => describedIn(doc).filter(({ text }) => !startsWithChinese(text));
    const broken = structuredClone(document) as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    const field = broken.components.schemas.Problem?.properties.code;
    if (!field) throw new Error('the Problem component has no code field');
    field.description = 'Stable machine-readable error code.';
    expect(offendersIn(broken)).toHaveLength(offendersIn(document).length + 1);
    expect(offendersIn(broken)).toContainEqual({
      pointer: '/components/schemas/Problem/properties/code/description',
      text: 'Stable machine-readable error code.',
    });
  });
});

/** Every `description` string in an OpenAPI document (or any part of it), with its JSON pointer (RFC 6901). */
function describedIn(node: unknown, pointer = ''): { pointer: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => describedIn(item, `${pointer}/${index}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    // A property may itself be named `description`: only a string there is a description.
    return key === 'description' && typeof value === 'string' ? [{ pointer: at, text: value }] : describedIn(value, at);
  });
}
