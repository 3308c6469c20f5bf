import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { NormaliseResult } from '../../src/numbers/number.types.ts';
import { CURRENT_YEAR } from './support/valid-numbers.ts';

const RUNS = 10_000;
const options = { currentYear: CURRENT_YEAR };

/** Any UTF-16 code unit: lone surrogates, controls, noncharacters included. */
const codeUnitArb = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces of numbers and of what surrounds them, so the random strings reach deep into the parser. */
const FRAGMENTS = [
  ...'国粤穗京苏青内绿贵械注准进许备食药监管字第号更延补生产经营广审(（）)〔〕【】',
  ...'0123456789０１２３OolI|xX*?#-/_.·,，;；、 \u3000\u00a0\u200b\n\t',
  '械注准',
  '械备',
  '食药监械(准)字',
  '药管械',
  '2017',
  '20172010123',
  '2013第2210203',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
];
const numberishArb = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), codeUnitArb), { maxLength: 60 }).map((parts) => parts.join(''));

function expectWellFormed(result: NormaliseResult): void {
  expect(result.numbers.length === 0).toBe(result.error !== null);
  for (const n of result.numbers) {
    expect(normalise(n.canonical, options).numbers[0]?.canonical).toBe(n.canonical);
  }
  if (result.error !== null) {
    expect(result.error.message.zh.length).toBeGreaterThan(0);
    expect(result.error.message.en.length).toBeGreaterThan(0);
    expect(result.error.suggestions.length).toBeLessThanOrEqual(10);
  }
}

describe('normalise never throws and always answers with numbers or an error', () => {
  it('on strings of arbitrary UTF-16 code units, lone surrogates and controls included', () => {
    fc.assert(
      fc.property(
        fc.array(codeUnitArb, { maxLength: 80 }).map((units) => units.join('')),
        (input) => {
          expectWellFormed(normalise(input, options));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on random mixtures of number fragments and arbitrary characters', () => {
    fc.assert(
      fc.property(numberishArb, (input) => {
        expectWellFormed(normalise(input, options));
      }),
      { numRuns: RUNS },
    );
  });

  it('on full Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
        expectWellFormed(normalise(input, options));
      }),
      { numRuns: RUNS },
    );
  });

  it('on 100,000-character strings', () => {
    // Generated once each from fixed seeds: ten thousand runs of this size would take minutes.
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const seed of seeds) {
      const pieces = fc.sample(fc.oneof(fc.constantFrom(...FRAGMENTS), codeUnitArb), { seed, numRuns: 5_000 });
      let input = '';
      for (let i = 0; input.length < 100_000; i++) input += pieces[i % pieces.length];
      expectWellFormed(normalise(input.slice(0, 100_000), options));
    }
    expectWellFormed(normalise(fc.sample(codeUnitArb, { seed: 9, numRuns: 100_000 }).join(''), options));
  });

  it('on values that are not strings at all, as JavaScript callers may pass', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(normalise(value as unknown as string).error?.reason).toBe('empty');
    }
  });
});
