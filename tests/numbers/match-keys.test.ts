import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { ParsedNumber } from '../../src/numbers/number.types.ts';
import { recodeKey } from '../../src/numbers/recode-key.ts';

const only = (input: string): ParsedNumber => normalise(input, { currentYear: 2026 }).numbers[0]!;

describe('match keys (docs/numbers.md §2)', () => {
  it('are the canonical form for registrations and filings', () => {
    expect(only('粤械注准 2017 2010123').matchKey).toBe('粤械注准20172010123');
    expect(only('粤穗械备20180539号').matchKey).toBe('粤穗械备20180539');
  });

  it('make legacy spellings of the same certificate collide', () => {
    const spellings = [
      '粤食药监械(准)字2013第2210203号',
      '粤药监械(准)字2013第2210203号',
      '粤食药监械准字2013第2210203号',
      '粤食药监械(准)字2013第2210203',
      '粤食药监械（准）字2013第2210203号',
    ];
    const keys = new Set(spellings.map((s) => only(s).matchKey));
    expect(keys).toEqual(new Set(['legacy:粤准20132210203']));
  });

  it('collide across the 2000 and 2004 formats on purpose (2004 is in both eras)', () => {
    expect(only('国药管械(准)字2004第3150123号').matchKey).toBe('legacy:国准20043150123');
    expect(only('国食药监械准字2004第3150123').matchKey).toBe('legacy:国准20043150123');
  });

  it('keep different certificates apart', () => {
    expect(only('粤食药监械(准)字2013第2210203号').matchKey).not.toBe(only('粤食药监械(准)字2012第2210203号').matchKey);
    expect(only('粤穗食药监械(准)字2010第1640001号').matchKey).not.toBe(only('粤食药监械(准)字2010第1640001号').matchKey);
  });
});

describe('recodeKey', () => {
  it('is shared by registrations that differ only in their classification code', () => {
    const a = recodeKey(only('粤械注准20172010123'));
    expect(a).toBe('粤械注准20172__0123');
    expect(recodeKey(only('粤械注准20172660123'))).toBe(a);
    expect(recodeKey(only('粤械注准20172010124'))).not.toBe(a);
    expect(recodeKey(only('粤械注准20162010123'))).not.toBe(a);
    expect(recodeKey(only('国械注准20173010123'))).not.toBe(recodeKey(only('国械注进20173010123')));
  });

  it('is null for filings and legacy numbers', () => {
    expect(recodeKey(only('粤穗械备20180539'))).toBeNull();
    expect(recodeKey(only('粤食药监械(准)字2013第2210203号'))).toBeNull();
  });
});
