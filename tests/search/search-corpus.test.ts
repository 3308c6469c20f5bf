import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { buildTestApp, storeDocuments } from '../helpers/test-app.ts';
import { search } from './search-fixtures.ts';

interface CorpusLine {
  input: string;
  expect: { numbers?: { canonical: string }[]; error?: unknown };
}

// The shared corpus sits beside the repository on developer and CI machines, not in a user's clone.
const corpusFile = path.resolve('../shared/corpus/numbers.jsonl');
const corpus: CorpusLine[] = fs.existsSync(corpusFile)
  ? fs
      .readFileSync(corpusFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as CorpusLine)
  : [];
const valid = corpus.filter((line) => line.expect.numbers?.length === 1);
const invalid = corpus.filter((line) => line.expect.error);

describe.skipIf(corpus.length === 0)('search over the number corpus (skipped: ../shared/corpus not present)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp();
    const canonicals = [...new Set(valid.map((line) => line.expect.numbers![0]!.canonical))];
    storeDocuments(
      ctx.services,
      canonicals.map((number) => ({ number, documentType: 'record', productName: '语料' })),
    );
  });
  afterAll(() => ctx?.close());

  it.each(valid.map((line) => [line.input, line.expect.numbers![0]!.canonical]))(
    '%j finds %s first, as an exact number',
    async (input, canonical) => {
      const body = await search(ctx, { q: input });
      expect(body.hits[0]).toMatchObject({ canonical, matchedBy: 'number' });
    },
  );

  it.each(invalid.filter((line) => line.input.trim() && line.input.length <= 200).map((line) => [line.input]))(
    '%j pins no certificate',
    async (input) => {
      const response = await ctx.app.inject({ url: '/v1/search', query: { q: input } });
      expect([200, 422]).toContain(response.statusCode);
      if (response.statusCode === 200)
        expect((response.json() as { hits: { matchedBy: string }[] }).hits.every((h) => h.matchedBy !== 'number')).toBe(true);
    },
  );
});
