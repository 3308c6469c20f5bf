import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { NumberFlag } from '../../src/numbers/number.types.ts';

const flagsOf = (input: string): NumberFlag[] => {
  const numbers = normalise(input, { currentYear: 2026 }).numbers;
  expect(numbers).toHaveLength(1);
  return numbers[0]!.flags;
};

describe('flags record what was stripped, repaired or cut', () => {
  it.each([
    ['粤械注准20172010123', []],
    [' 粤械注准 2017 2010123 ', ['whitespace_removed']],
    ['粤械注准２０１７２０１０１２３', ['characters_normalised']],
    ['粤械注准2017201O123', ['characters_normalised']],
    ['国械注准2023-312/3456', ['characters_normalised']],
    ['粵械註準20172010123', ['characters_normalised']],
    ['粤穗械备20180539号', ['hao_stripped']],
    ['浙绍械备20150001号（更）', ['hao_stripped', 'suffix_change']],
    ['粤械注准20172010123号(延)', ['hao_stripped', 'suffix_renewal']],
    ['粤械注准20172010123(补)', ['suffix_reissue']],
    ['粤械注准20172010123号更', ['hao_stripped', 'suffix_change']],
    ['国食药监械准字2008第3450116号', ['brackets_added']],
    ['赣食药监械(准)字2014第2400059', ['hao_added']],
    ['国食药监械(准)字2014第3460441号+变更文件', ['trailing_text_cut']],
    ['国械注进20143665578(2014-12-05~2019-12-04)', ['trailing_text_cut']],
    ['注册证号:粤械注准20172010123', ['leading_text_cut']],
  ] as const)('%j → %j', (input, flags) => {
    expect(flagsOf(input)).toEqual(flags);
  });

  it('keeps the text after a bare 更 that starts a word', () => {
    expect(flagsOf('粤械注准20172010123号更改为')).toEqual(['hao_stripped', 'trailing_text_cut']);
  });

  it('does not read a word after a number as look-alike digits', () => {
    expect(flagsOf('粤械注准20172010123 Olympus')).toEqual([]);
    expect(flagsOf('粤械注准20172010123ISO13485')).toEqual(['trailing_text_cut']);
  });
});
