import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import { disguisedArb } from './support/disguise.ts';
import {
  anyValidNumberArb,
  CURRENT_YEAR,
  filingArb,
  type GeneratedNumber,
  legacy2000Arb,
  legacy2004Arb,
  registrationArb,
} from './support/valid-numbers.ts';

const RUNS = 10_000;
const options = { currentYear: CURRENT_YEAR };

function expectReadAs(input: string, n: GeneratedNumber): void {
  const result = normalise(input, options);
  expect(result.error).toBeNull();
  expect(result.numbers).toHaveLength(1);
  const got = result.numbers[0]!;
  expect(got).toMatchObject({
    canonical: n.canonical,
    family: n.family,
    authority: n.authority,
    city: n.city,
    form: n.form,
    year: n.year,
    class: n.class,
    code: n.code,
    serial: n.serial,
  });
}

describe('a valid number typed any way docs/numbers.md §3 lists normalises back to itself', () => {
  const families = { registration: registrationArb, filing: filingArb, legacy2004: legacy2004Arb, legacy2000: legacy2000Arb };
  for (const [family, arb] of Object.entries(families)) {
    it(`${family}`, () => {
      fc.assert(
        fc.property(disguisedArb(arb), ([n, typed]) => expectReadAs(typed, n)),
        { numRuns: RUNS },
      );
    });
  }
});

describe('idempotence', () => {
  it('normalising a canonical form returns it unchanged, with nothing flagged', () => {
    fc.assert(
      fc.property(anyValidNumberArb, (n) => {
        const result = normalise(n.canonical, options);
        expect(result.numbers.map((x) => x.canonical)).toEqual([n.canonical]);
        expect(result.numbers[0]!.flags).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a canonical form read out of a disguise is itself canonical', () => {
    fc.assert(
      fc.property(disguisedArb(anyValidNumberArb), ([, typed]) => {
        for (const found of normalise(typed, options).numbers) {
          expect(normalise(found.canonical, options).numbers[0]?.canonical).toBe(found.canonical);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('several numbers in one field (§3 row 7)', () => {
  const separatorArb = fc.constantFrom(',', ', ', '，', ';', '；', '、', '/', ' ', '\n', '\u3000', '');
  it('are all returned, in order, whatever separates them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyValidNumberArb, separatorArb), { minLength: 1, maxLength: 6 }), (items) => {
        const input = items.map(([n, sep]) => n.canonical + sep).join('');
        const result = normalise(input, options);
        expect(result.numbers.map((x) => x.canonical)).toEqual(items.map(([n]) => n.canonical));
      }),
      { numRuns: RUNS },
    );
  });
});
