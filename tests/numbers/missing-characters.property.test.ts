import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import { CURRENT_YEAR, filingArb, type GeneratedNumber, legacy2000Arb, legacy2004Arb, registrationArb } from './support/valid-numbers.ts';

const RUNS = 2_000;
const options = { currentYear: CURRENT_YEAR };

/** The prefix characters a person leaves out, each family's own (docs/numbers.md §1). */
const DROPPABLE: Record<GeneratedNumber['family'], readonly string[]> = {
  registration: ['械', '注', '准', '进', '许'],
  filing: ['械', '备'],
  legacy2004: ['械', '准', '进', '许'],
  legacy2000: ['械', '准', '进', '许'],
};

/** The number with the first of its droppable characters at `pick` removed. */
function withoutOne(n: GeneratedNumber, pick: number): { text: string; dropped: string } {
  const present = DROPPABLE[n.family].filter((c) => n.canonical.includes(c));
  const dropped = present[pick % present.length]!;
  const at = n.canonical.indexOf(dropped);
  return { text: n.canonical.slice(0, at) + n.canonical.slice(at + 1), dropped };
}

describe('a prefix character left out (missing_character)', () => {
  it.each([
    ['registration', registrationArb],
    ['filing', filingArb],
    ['legacy2004', legacy2004Arb],
    ['legacy2000', legacy2000Arb],
  ] as const)('%s: is named, and the number as issued is among the suggestions', (_family, arb) => {
    fc.assert(
      fc.property(arb, fc.nat(), (n, pick) => {
        const { text, dropped } = withoutOne(n, pick);
        const result = normalise(text, options);
        expect(result.numbers, text).toEqual([]);
        expect(result.error?.reason, text).toBe('missing_character');
        expect(result.error?.suggestions, text).toContain(n.canonical);
        // A left-out form is named as 准 with its alternatives; any other character by itself.
        expect(result.error?.message.zh).toContain(['进', '许'].includes(dropped) ? '准' : dropped);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['粤械准20252140123', '粤械注准20252140123', '注'],
    ['粤械注20252140123', '粤械注准20252140123', '准'],
    ['粤注准20252140123', '粤械注准20252140123', '械'],
    ['国械进20162705149', '国械注进20162705149', '注'],
    ['粤穗械20180539', '粤穗械备20180539', '备'],
    ['国备20151134', '国械备20151134', '械'],
    ['粤食药监械字2013第2210203号', '粤食药监械(准)字2013第2210203号', '准'],
    ['粤食药监(准)字2013第2210203号', '粤食药监械(准)字2013第2210203号', '械'],
    ['国药管械字2003第3150123号', '国药管械(准)字2003第3150123号', '准'],
  ])('%s → %s', (input, expected, missing) => {
    const error = normalise(input, options).error;
    expect(error?.reason).toBe('missing_character');
    expect(error?.suggestions[0]).toBe(expected);
    expect(error?.message.zh).toContain(`“${missing}”`);
  });

  it('leaves prose with 械 or 注 before digits alone', () => {
    for (const prose of ['医疗器械2018年', '医疗器械注册证', '产品备注2018年更新', '器械准入 2024']) {
      expect(normalise(prose, options).error?.reason, prose).toBe('unrecognised');
    }
  });
});

describe('a serial of all zeros (zero_serial)', () => {
  it.each(['粤械注准20252140000', '粤穗械备20180000', '国械备2015000000', '粤食药监械(准)字2013第2210000号'])('%s', (input) => {
    const result = normalise(input, options);
    expect(result.numbers).toEqual([]);
    expect(result.error?.reason).toBe('zero_serial');
    expect(result.error?.message.zh).toContain('流水号');
  });
});

describe('letters for digits, where the caller stores the number (acceptLetterDigits: false)', () => {
  it('reads them by default and rejects them as letter_for_digit on request, suggesting the digits', () => {
    expect(normalise('粤械注准2O252140123', options).numbers.map((n) => n.canonical)).toEqual(['粤械注准20252140123']);
    const strict = normalise('粤械注准2O252140123', { ...options, acceptLetterDigits: false });
    expect(strict.numbers).toEqual([]);
    expect(strict.error).toMatchObject({ reason: 'letter_for_digit', suggestions: ['粤械注准20252140123'] });
    expect(normalise('粤械注准２０２５２１４０１２３', { ...options, acceptLetterDigits: false }).numbers).toHaveLength(1);
  });
});
