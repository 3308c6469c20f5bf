import { describe, expect, it } from 'vitest';
import { encodeCode } from '../../src/search/doc-code.ts';
import { codeFilter, FacetCounter } from '../../src/search/embedded/facet-counter.ts';
import { ftsPlan } from '../../src/search/embedded/fts-query.ts';
import { highlight } from '../../src/search/highlight.ts';
import { meiliQuery, spelledBigrams } from '../../src/search/search-document.ts';
import { fieldGrams, foldText } from '../../src/search/search-text.ts';

describe('folding', () => {
  it('keeps letters and digits only, in lower case, half-width, simplified', () => {
    expect(foldText('粤食药监械（准）字２０１３ 第2210203号')).toBe('粤食药监械准字2013第2210203号');
    expect(foldText('Boston Scientific')).toBe('bostonscientific');
    expect(foldText('粵械註準')).toBe('粤械注准');
    expect(foldText('!?、')).toBe('');
  });
});

describe('n-grams', () => {
  it('emit the n-gram starting at each position, shorter at the end', () => {
    expect(fieldGrams('name', '导管')).toEqual(['\uE001导管', '\uE001管']);
    expect(fieldGrams('num', '粤穗械备2018')).toEqual(
      ['粤穗械备', '穗械备2', '械备20', '备201', '2018', '018', '18', '8'].map((g) => `\uE000${g}`),
    );
  });

  it('keep a supplementary-plane character whole', () => {
    expect(fieldGrams('name', '𠀋管')).toEqual(['\uE001𠀋管', '\uE001管']);
  });

  it('turn a query into a prefix query when shorter than the n-gram, else a phrase', () => {
    const plan = ftsPlan('导管');
    expect(plan.union).toBe('"\uE000导管"* OR "\uE001导管" OR "\uE002导管"');
    expect(ftsPlan('导').union).toBe('"\uE000导"* OR "\uE001导"* OR "\uE002导"*');
    expect(ftsPlan('2019314').tiers[0]!.match).toBe('^"\uE0002019 \uE0000193 \uE0001931 \uE0009314"');
  });

  it('spell Meilisearch words in ASCII, one fixed-width spelling per character', () => {
    const words = spelledBigrams('导管');
    expect(words).toHaveLength(2);
    expect(words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(words[0]!.startsWith(words[0]!.slice(0, 5))).toBe(true);
    expect(words[0]!.slice(5)).toBe(words[1]);
    expect(meiliQuery('导')).toBe(spelledBigrams('导')[0]);
    expect(meiliQuery('导管支')).toBe(`"${spelledBigrams('导管支').slice(0, 2).join(' ')}"`);
  });
});

describe('facet codes', () => {
  const code = (family: string, managementClass: number, authority: string, expiryDate: string | null, year = 2020) =>
    encodeCode({ family, managementClass, authority, expiryDate, year });

  it('decode to the facet values they were built from', () => {
    const counter = new FacetCounter(codeFilter({}, '2026-11-25'));
    counter.add(code('registration', 3, '国', '2029-01-01', 2019));
    counter.add(code('filing', 1, '粤', null, 2018));
    counter.add(code('legacy2004', 2, '京', '2012-01-01', 2008));
    counter.add(code('registration', 2, '沪', null, 2021));
    expect(counter.total).toBe(4);
    expect(counter.facets()).toEqual({
      family: { registration: 2, filing: 1, legacy2004: 1 },
      class: { '1': 1, '2': 2, '3': 1 },
      authority: { 国: 1, 粤: 1, 京: 1, 沪: 1 },
      status: { valid: 1, filed: 1, expired: 1, unknown: 1 },
    });
  });

  it('sort ascending as hits rank: registrations, higher classes, 国, then 粤, the latest expiry first', () => {
    const ranked = [
      code('registration', 3, '国', '2030-01-01'),
      code('registration', 3, '国', '2029-01-01'),
      code('registration', 2, '国', null),
      code('registration', 2, '粤', '2020-01-01'),
      code('registration', 2, '京', '2031-01-01'),
      code('filing', 1, '粤', null),
      code('legacy2004', 3, '国', '2012-01-01'),
    ];
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
    expect(Math.max(...ranked)).toBeLessThan(2 ** 33);
  });
});

describe('highlighting', () => {
  it('marks the original text where the folded query matched, escaped', () => {
    expect(highlight('粤械注准 2017 2010123', '20172010')).toBe('粤械注准 <mark>2017 2010</mark>123');
    expect(highlight('<导管> & 导管', '导管')).toBe('&lt;<mark>导管</mark>&gt; &amp; <mark>导管</mark>');
    expect(highlight('中心静脉导管', '支架')).toBeNull();
  });
});
