import { describe, expect, it } from 'vitest';
import { suggestCorrections } from '../../src/numbers/diagnosis/suggestions.ts';
import { normalise } from '../../src/numbers/normalise.ts';

const options = { currentYear: 2026 };
const suggestionsOf = (input: string): string[] => normalise(input, options).error?.suggestions ?? [];

describe('suggestions: valid numbers one edit away', () => {
  it.each([
    // A doubled digit: deleting one of the pair comes first.
    ['国械注准201534600846', '国械注准20153460846', 0],
    ['粤械注准201720100123', '粤械注准20172010123', 0],
    // A dropped digit that repeats a neighbour.
    ['粤械注准2017201023', '粤械注准20172010023', undefined],
    // An OCR-wrong authority: the look-alike first.
    ['绿械注准20152630298', '豫械注准20152630298', 0],
    // Another name of the province.
    ['贵械注准20252140234', '黔械注准20252140234', 0],
    ['蒙械注准20262210005', '内械注准20262210005', 0],
    // A city on a registration.
    ['粤穗械注准20172010123', '粤械注准20172010123', 0],
    // Class and form against the authority.
    ['粤械注准20173010123', '粤械注准20172010123', 0],
    ['粤械注准20173010123', '国械注准20173010123', undefined],
    ['粤械注进20172010123', '粤械注准20172010123', 0],
    ['粤械注进20172010123', '国械注进20172010123', undefined],
    // A wrong form character.
    ['粤械注淮20172010123', '粤械注准20172010123', 0],
    // A year out of range.
    ['粤械注准20132010123', '粤械注准20192010123', undefined],
    // One placeholder.
    ['粤械注准2017201012x', '粤械注准20172010123', undefined],
    // Legacy numbers.
    ['国食药监械(准)字2008第2450116号', '国食药监械(准)字2008第3450116号', 0],
    ['粤食药监械(准)字20133第2210203号', '粤食药监械(准)字2013第2210203号', undefined],
    // A filing with an OCR-wrong province before a real city.
    ['绿穗械备20180539', '豫穗械备20180539', 0],
  ] as const)('%s → %s', (input, expected, position) => {
    const suggestions = suggestionsOf(input);
    if (position === undefined) expect(suggestions).toContain(expected);
    else expect(suggestions[position]).toBe(expected);
  });

  it('are at most ten, each valid, distinct and in a stable order', () => {
    for (const input of ['绿械注准20152630298', '粤械注准2017201012', '国械注准20172010123', '粤械注准2017201012x']) {
      const first = suggestionsOf(input);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(10);
      expect(new Set(first).size).toBe(first.length);
      expect(suggestionsOf(input)).toEqual(first);
      for (const s of first) expect(normalise(s, options).numbers.map((n) => n.canonical)).toEqual([s]);
    }
  });

  it('are not offered where no single edit helps', () => {
    expect(suggestionsOf('国械注准20190001')).toEqual([]); // three digits short
    expect(suggestionsOf('豫械注准20202140xxx')).toEqual([]); // three unknown digits
    expect(suggestionsOf('20202140123')).toEqual([]); // serials repeat across authorities
    expect(suggestionsOf('国械注准201526400846')).toEqual([]); // every single deletion leaves class 2 under 国…准
    expect(suggestionsOf('hello')).toEqual([]);
  });

  it('can be asked for beyond ten, for an index that keeps only the numbers it holds', () => {
    const all = suggestCorrections('绿械注准20152630298', options);
    expect(all).toHaveLength(32); // every province; 国 does not register class II domestic devices
    expect(all[0]).toBe('豫械注准20152630298');
    expect(suggestCorrections('粤械注准20172010123', options)).toEqual([]);
    expect(suggestCorrections('绿械注准20152630298', { ...options, limit: 3 })).toHaveLength(3);
  });
});
