import { describe, expect, it } from 'vitest';
import { parseImportDate } from '../../src/imports/rows/import-dates.ts';

describe('dates in import files', () => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['2023 年 5 月 1 日', '2023-05-01'],
    ['２０２３年５月１日', '2023-05-01'],
    ['20230501', '2023-05-01'],
    ['2023-05-01 00:00:00', '2023-05-01'],
    ['45047', '2023-05-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseImportDate(text)).toEqual({ ok: true, date: iso });
  });

  it('reads Excel serial numbers and date cells', () => {
    expect(parseImportDate(45047)).toEqual({ ok: true, date: '2023-05-01' });
    expect(parseImportDate(45047.75)).toEqual({ ok: true, date: '2023-05-01' });
    expect(parseImportDate(new Date(Date.UTC(2023, 4, 1)))).toEqual({ ok: true, date: '2023-05-01' });
  });

  it.each([
    '2023-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023/4/31',
    '20230230',
    '2023-02-29',
    '1899-01-01',
    'soon',
    '2023-05',
    '12345',
    '5/1/2023',
  ])('refuses %s', (text) => {
    expect(parseImportDate(text)).toEqual({ ok: false });
  });

  it('refuses numbers that are no plausible serial', () => {
    expect(parseImportDate(3)).toEqual({ ok: false });
    expect(parseImportDate(1e9)).toEqual({ ok: false });
    expect(parseImportDate(true)).toEqual({ ok: false });
  });
});
