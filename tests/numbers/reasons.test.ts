import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { ReasonCode } from '../../src/numbers/number.types.ts';

const options = { currentYear: 2026 };

const CASES: ReadonlyArray<readonly [ReasonCode, string]> = [
  ['empty', ''],
  ['empty', ' \u3000\n\t\u200b'],
  ['empty', '，、 ;'],
  ['no_authority_prefix', '20202140123'],
  ['no_authority_prefix', '械注准20202140123'],
  ['no_authority_prefix', '2020 2140123'],
  ['unknown_authority', '绿械注准20152630298'],
  ['unknown_authority', '蒙械注准20202210005'],
  ['unknown_authority', '粤穗械注准20172010123'],
  ['unknown_authority', '国穗械备20151134'],
  ['bad_digit_count', '国械注准201526400846'],
  ['bad_digit_count', '国械注准20190001'],
  ['bad_digit_count', '粤械注准'],
  ['bad_digit_count', '国械备2015113'],
  ['bad_digit_count', '国食药监械(准)字2014第3'],
  ['bad_digit_count', '国食药监械(准)字201第3450116号'],
  ['class_authority_mismatch', '粤械注准20173010123'],
  ['class_authority_mismatch', '国械注准20172010123'],
  ['class_authority_mismatch', '国械注进20171010123'],
  ['class_authority_mismatch', '粤食药监械(准)字2013第3210203号'],
  ['class_authority_mismatch', '国食药监械(准)字2008第2450116号'],
  ['form_authority_mismatch', '粤械注进20172010123'],
  ['form_authority_mismatch', '京械注许20172010123'],
  ['form_authority_mismatch', '粤食药监械(进)字2008第2450116号'],
  ['year_out_of_range', '粤械注准20132010123'],
  ['year_out_of_range', '粤械注准20392010123'],
  ['year_out_of_range', '粤穗械备20130539'],
  ['year_out_of_range', '粤食药监械(准)字2003第2210203号'],
  ['year_out_of_range', '国药管械(准)字2005第3150123号'],
  ['placeholder', '豫械注准20202140xxx'],
  ['placeholder', '粤械注准2017201012*'],
  ['placeholder', '粤穗械备2018????'],
  ['not_a_device_certificate', '粤惠食药监械生产备20230010号'],
  ['not_a_device_certificate', '津食药监械生产许20100115号'],
  ['not_a_device_certificate', '粤穗食药监械经营备20150001号'],
  ['not_a_device_certificate', '粤械广审(文)第2019020123号'],
  ['not_a_device_certificate', '国药准字H20000388'],
  ['not_a_device_certificate', '06901234567892'],
  ['unrecognised', 'hello world'],
  ['unrecognised', '医疗器械注册证'],
  ['unrecognised', '粤械注淮20172010123'],
  ['missing_character', '粤械注20172010123'],
  ['missing_character', '粤械准20252140123'],
  ['missing_character', '粤注准20252140123'],
  ['missing_character', '粤穗械20180539'],
  ['missing_character', '国备20151134'],
  ['missing_character', '粤食药监械字2013第2210203号'],
  ['missing_character', '国药管(准)字2003第3150123号'],
  ['zero_serial', '粤械注准20252140000'],
  ['zero_serial', '粤穗械备20180000'],
  ['zero_serial', '国械备2015000000'],
  ['zero_serial', '粤食药监械(准)字2013第2210000号'],
  ['zero_serial', '国药管械(准)字2003第3150000号'],
];

describe('every reason code, with a message in Chinese and English', () => {
  it.each(CASES)('%s: %j', (reason, input) => {
    const result = normalise(input, options);
    expect(result.numbers).toEqual([]);
    expect(result.error?.reason).toBe(reason);
    expect(result.error?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error?.message.en).toMatch(/[a-z]/);
  });

  it('covers every reason code but letter_for_digit, which only a caller storing numbers asks for', () => {
    expect(new Set(CASES.map(([reason]) => reason)).size).toBe(12);
  });

  it('puts the facts in the message', () => {
    expect(normalise('绿械注准20152630298', options).error?.message.en).toContain('绿');
    expect(normalise('国械注准201526400846', options).error?.message.zh).toContain('12');
    expect(normalise('粤械注准20392010123', options).error?.message.en).toContain('2014–2026');
  });
});

describe('the current year bounds registration and filing years', () => {
  it('accepts this year and rejects the next', () => {
    expect(normalise('粤械注准20262010123', options).numbers).toHaveLength(1);
    expect(normalise('粤械注准20272010123', options).error?.reason).toBe('year_out_of_range');
    expect(normalise('粤械注准20272010123', { currentYear: 2027 }).numbers).toHaveLength(1);
  });

  it('defaults to the year now in Asia/Shanghai', () => {
    const shanghaiYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    expect(normalise(`粤械注准${shanghaiYear}2010123`).numbers).toHaveLength(1);
    expect(normalise(`粤械注准${shanghaiYear + 1}2010123`).error?.reason).toBe('year_out_of_range');
  });
});

describe('fields holding valid and invalid segments', () => {
  it('return the valid numbers and list the rejected segments', () => {
    const result = normalise('粤械注准20172010123,绿械注准20152630298', options);
    expect(result.error).toBeNull();
    expect(result.numbers.map((n) => n.canonical)).toEqual(['粤械注准20172010123']);
    expect(result.rejected).toEqual([expect.objectContaining({ text: '绿械注准20152630298', reason: 'unknown_authority' })]);
  });

  it('explain a certificate-shaped segment before a look-alike licence', () => {
    const result = normalise('粤食药监械生产许20100115号 绿械注准20152630298', options);
    expect(result.error?.reason).toBe('unknown_authority');
    expect(result.rejected?.map((r) => r.reason)).toEqual(['not_a_device_certificate', 'unknown_authority']);
  });
});
