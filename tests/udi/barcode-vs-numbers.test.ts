import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBarcode } from '../../src/udi/barcode/read-barcode.ts';
import { disguisedArb } from '../numbers/support/disguise.ts';
import { anyValidNumberArb, CURRENT_YEAR } from '../numbers/support/valid-numbers.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusPath = path.resolve(repoRoot, '../shared/corpus/numbers.jsonl');
const corpus: { input: string }[] = existsSync(corpusPath)
  ? readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
  : [];

/** Barcode reading runs before the number engine: it must leave everything people type as numbers to the engine. */
describe('certificate numbers are never taken for barcodes', () => {
  it('any valid number, disguised the ways people type it, is not a barcode', () => {
    fc.assert(
      fc.property(disguisedArb(anyValidNumberArb), ([, typed]) => {
        expect(readBarcode(typed, CURRENT_YEAR)).toEqual({ kind: 'not_barcode' });
      }),
      { numRuns: 500 },
    );
  });

  it.skipIf(corpus.length === 0)('no input of the shared numbers corpus is a barcode', () => {
    const taken = corpus.filter((c) => readBarcode(c.input, CURRENT_YEAR).kind !== 'not_barcode').map((c) => c.input);
    expect(taken).toEqual([]);
  });
});
