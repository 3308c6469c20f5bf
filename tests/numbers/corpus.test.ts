import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { ReasonCode } from '../../src/numbers/number.types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusPath = path.resolve(repoRoot, '../shared/corpus/numbers.jsonl');
const corpusExists = existsSync(corpusPath);

type ExpectedNumber = Partial<Record<'canonical' | 'family' | 'authority' | 'city' | 'form' | 'code' | 'serial', string | null>> &
  Partial<Record<'year' | 'class', number>>;

interface CorpusCase {
  input: string;
  expect: { numbers?: ExpectedNumber[]; error?: ReasonCode[] };
}

const cases: CorpusCase[] = corpusExists
  ? readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CorpusCase)
  : [];

const CHECKED_FIELDS = ['canonical', 'family', 'authority', 'city', 'form', 'year', 'class', 'code', 'serial'] as const;

describe.skipIf(!corpusExists)(`the shared corpus (${corpusExists ? corpusPath : `skipped: ${corpusPath} is absent`})`, () => {
  it('is not empty', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c, line) => [line + 1, JSON.stringify(c.input), c] as const))('line %i: %s', (_line, _shown, c) => {
    const result = normalise(c.input, { currentYear: 2026 });
    if (c.expect.error) {
      expect(result.numbers).toEqual([]);
      expect(c.expect.error).toContain(result.error?.reason);
      return;
    }
    const expected = c.expect.numbers ?? [];
    expect(result.error).toBeNull();
    expect(result.numbers).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      const got = result.numbers[i]!;
      for (const field of CHECKED_FIELDS) {
        if (field in want) expect(got[field], `${field} of number ${i + 1}`).toEqual(want[field]);
      }
    });
  });
});
