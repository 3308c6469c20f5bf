import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { ParsedNumber } from '../../src/numbers/number.types.ts';

const options = { currentYear: 2026 };
function only(input: string): ParsedNumber {
  const result = normalise(input, options);
  expect(result.error).toBeNull();
  expect(result.numbers).toHaveLength(1);
  return result.numbers[0]!;
}

describe('what a number says about itself', () => {
  it('reads a provincial registration in full', () => {
    expect(only('粤械注准20172010123')).toEqual({
      canonical: '粤械注准20172010123',
      family: 'registration',
      authority: '粤',
      authorityName: '广东省',
      city: null,
      cityName: null,
      form: '准',
      origin: 'domestic',
      year: 2017,
      yearMeaning: 'first_registration',
      class: 2,
      code: '01',
      serial: '0123',
      catalogue: [
        { catalogue: '2002', code: '6801', name: '基础外科手术器械' },
        { catalogue: '2017', code: '01', name: '有源手术器械' },
      ],
      matchKey: '粤械注准20172010123',
      flags: [],
      warnings: [],
    });
  });

  it.each([
    ['国械注准20173400077', 'domestic'],
    ['国械注进20162705149', 'imported'],
    ['国械注许20233160006', 'hmt'],
    ['国械备20151134', 'imported'],
    ['粤穗械备20180539', 'domestic'],
    ['国食药监械(进)字2011第3661948号', 'imported'],
  ] as const)('%s comes from %s', (input, origin) => {
    expect(only(input).origin).toBe(origin);
  });

  it('reads filings: class I, no form, no code, the filing year, a city where one is typed', () => {
    expect(only('粤穗械备20180539号')).toMatchObject({
      family: 'filing',
      form: null,
      class: 1,
      code: null,
      catalogue: [],
      yearMeaning: 'filing',
      city: '穗',
      cityName: '广州市',
    });
    expect(only('浙绍械备20150001')).toMatchObject({ authority: '浙', authorityName: '浙江省', city: '绍', cityName: null });
    expect(only('沪械备20150001')).toMatchObject({ authority: '沪', city: null });
    expect(only('鲁青械备20150027号')).toMatchObject({ authority: '鲁', city: '青' });
    expect(only('国械备201511340001').serial).toBe('11340001');
  });

  it('reads legacy numbers: the year of that approval, the 2002 catalogue', () => {
    expect(only('国食药监械(进)字2011第3661948号')).toMatchObject({
      family: 'legacy2004',
      yearMeaning: 'approval',
      class: 3,
      code: '66',
      catalogue: [{ catalogue: '2002', code: '6866', name: '医用高分子材料及制品' }],
    });
    expect(only('国药管械(准)字2003第3150123号')).toMatchObject({ family: 'legacy2000', year: 2003, code: '15' });
    expect(only('粤穗食药监械(准)字2010第1640001号')).toMatchObject({ city: '穗', class: 1 });
  });

  it('warns about a Guangdong city prefix that is not in the list', () => {
    expect(only('粤绿械备20180539').warnings).toEqual(['unknown_city']);
  });
});

describe('catalogue readings (docs/numbers.md §1)', () => {
  const readings = (input: string) => only(input).catalogue.map((r) => `${r.catalogue}:${r.code}`);

  it('lists both readings for a 2014–2018 registration whose code exists in both', () => {
    expect(readings('粤械注准20162210123')).toEqual(['2002:6821', '2017:21']);
    expect(readings('粤械注准20182160123')).toEqual(['2002:6816', '2017:16']);
  });

  it('gives only the reading that exists when a 2014–2018 code is in one list', () => {
    expect(readings('粤械注准20162660123')).toEqual(['2002:6866']);
    expect(readings('粤械注准20162110123')).toEqual(['2017:11']);
  });

  it('reads 2019 and later registrations in the 2017 catalogue only', () => {
    expect(readings('粤械注准20192140123')).toEqual(['2017:14']);
  });

  it('reads code 40 as IVD in both eras', () => {
    expect(only('国械注准20173400077').catalogue).toEqual([
      { catalogue: '2002', code: '6840', name: '临床检验分析仪器' },
      { catalogue: '2017', code: '40', name: '体外诊断试剂' },
    ]);
    expect(readings('国械注准20233400077')).toEqual(['2017:40']);
  });

  it('warns, without failing, on a code in neither list', () => {
    const n = only('粤械注准20192660123');
    expect(n.catalogue).toEqual([]);
    expect(n.warnings).toEqual(['unknown_category_code']);
    expect(only('粤械注准20162990123').warnings).toEqual(['unknown_category_code']);
  });
});
