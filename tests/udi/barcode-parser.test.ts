import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/app-error.ts';
import { barcodeDate } from '../../src/udi/barcode/barcode-dates.ts';
import { gs1CheckDigit, isGtin14 } from '../../src/udi/barcode/gtin.ts';
import { readBarcode } from '../../src/udi/barcode/read-barcode.ts';

const DI = '06901234567892';
const GS = '\u001d';
const read = (raw: string) => readBarcode(raw, 2026);
const reading = (raw: string) => {
  const result = read(raw);
  if (result.kind !== 'barcode') throw new Error(`${JSON.stringify(raw)} was not read: ${JSON.stringify(result)}`);
  return result.reading;
};
const problem = (raw: string) => {
  const result = read(raw);
  if (result.kind !== 'unreadable') throw new Error(`${JSON.stringify(raw)} was not refused: ${JSON.stringify(result)}`);
  const error: AppError = result.error;
  return { issuer: result.issuer, code: error.code, status: error.status, extra: error.extra, zh: error.text.zh };
};

describe('GS1 check digits', () => {
  it('computes the mod-10 check digit of GTINs and refuses any other last digit', () => {
    expect(gs1CheckDigit('0690123456789')).toBe(2);
    expect(gs1CheckDigit('0697099900010')).toBe(4);
    expect(isGtin14(DI)).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== 2) expect(isGtin14(`0690123456789${d}`)).toBe(false);
    expect(isGtin14('0690123456789')).toBe(false);
  });
});

describe('barcode dates', () => {
  it.each([
    ['271231', '2027-12-31'],
    ['271200', '2027-12-31'],
    ['280200', '2028-02-29'],
    ['270200', '2027-02-28'],
    ['250101', '2025-01-01'],
    ['20271130', '2027-11-30'],
    // GS1's sliding window around 2026: 49 years ahead, else back.
    ['750101', '2075-01-01'],
    ['770101', '1977-01-01'],
  ])('%s is %s', (text, iso) => {
    expect(barcodeDate(text, 2026)).toBe(iso);
  });

  it.each(['270230', '271301', '270001', '271232', '2712', 'ABCDEF'])('%s is no date', (text) => {
    expect(barcodeDate(text, 2026)).toBeNull();
  });
});

describe('reading GS1 element strings', () => {
  const full = { issuer: 'GS1', di: DI, expiry: '2027-12-31', lot: 'A123' };

  it('reads the printed form with parentheses and the scanned form without them alike', () => {
    expect(reading(`(01)${DI}(17)271231(10)A123`)).toEqual(full);
    expect(reading(`01${DI}1727123110A123`)).toEqual(full);
    expect(reading(`(01) ${DI} (17) 271231 (10) A123`)).toEqual(full);
    expect(reading(`（01）${DI}（17）271231（10）A123`)).toEqual(full);
  });

  it.each([
    ['the control character', GS],
    ['its picture', '\u241d'],
    ['a pasted escape', '\\x1d'],
    ['a pasted unicode escape', '\\u001D'],
    ['a driver tag', '<GS>'],
    ['a bracketed tag', '[GS]'],
    ['an FNC1 tag', '{FNC1}'],
  ])('ends a variable-length element at the separator typed as %s', (_name, separator) => {
    expect(reading(`01${DI}10A123${separator}17271231${separator}21SN-0001`)).toEqual({
      ...full,
      serial: 'SN-0001',
    });
  });

  it.each([']C1', ']d2', ']Q3', ']e0'])('drops the %s symbology identifier, and a leading and trailing FNC1', (symbology) => {
    expect(reading(`${symbology}${GS}01${DI}10A123${GS}17271231${GS}\r\n`)).toEqual(full);
  });

  it('reads production date and serial, and day 00 as the last day of the month', () => {
    expect(reading(`(01)${DI}(11)260115(17)280200(21)S0001`)).toEqual({
      issuer: 'GS1',
      di: DI,
      productionDate: '2026-01-15',
      expiry: '2028-02-29',
      serial: 'S0001',
    });
  });

  it('keeps other GS1 elements out of the answer without refusing them', () => {
    expect(reading(`(01)${DI}(240)REF-77(10)L1`)).toEqual({ issuer: 'GS1', di: DI, lot: 'L1' });
  });

  it('takes a DI on its own, GTIN-14 or GTIN-13', () => {
    expect(reading(DI)).toEqual({ issuer: 'GS1', di: DI });
    expect(reading(DI.slice(1))).toEqual({ issuer: 'GS1', di: DI });
  });
});

describe('refusing a barcode it cannot use, with a coded problem', () => {
  it('a wrong check digit, naming the right one', () => {
    expect(problem(`(01)06901234567893(17)271231`)).toMatchObject({
      code: 'barcode_check_digit_mismatch',
      status: 422,
      extra: { di: '06901234567893', expectedCheckDigit: 2 },
    });
    expect(problem('06901234567893').code).toBe('barcode_check_digit_mismatch');
  });

  it('an unknown application identifier', () => {
    expect(problem(`(01)${DI}(18)271231`)).toMatchObject({ code: 'barcode_unknown_element', status: 422 });
    expect(problem(`01${DI}XYZ`).code).toBe('barcode_unknown_element');
  });

  it('a truncated element: a GTIN cut short, an empty lot', () => {
    expect(problem('(01)0690123456789(17)271231').code).toBe('barcode_truncated');
    expect(problem(`01${DI}17271`).code).toBe('barcode_truncated');
    expect(problem(`(01)${DI}(10)`)).toMatchObject({ code: 'barcode_truncated', extra: { element: '(10)' } });
  });

  it('an impossible date, which a calendar would roll into the next month', () => {
    expect(problem(`(01)${DI}(17)270230`)).toMatchObject({ code: 'barcode_invalid_date', extra: { element: '(17)', value: '270230' } });
    expect(problem(`01${DI}17271301`).code).toBe('barcode_invalid_date');
  });

  it('a GS1 barcode without a DI', () => {
    expect(problem('(17)271231(10)A123').code).toBe('barcode_without_di');
  });

  it('a lot longer than GS1 allows: a separator was lost', () => {
    expect(problem(`01${DI}10A1234567890123456789012`).code).toBe('barcode_unknown_element');
  });

  it('every refusal says why in Chinese', () => {
    for (const raw of [`(01)06901234567893`, `(01)${DI}(18)1`, `(01)${DI}(10)`, `(01)${DI}(17)270230`, '(17)271231']) {
      expect(problem(raw).zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('MA codes and other issuers', () => {
  it('reads an MA code: the first five parts are the DI, the rest production identifiers', () => {
    expect(reading('MA.156.M0.100761.21234561.Sx00008.M220117.L20220117.D20220118.E220130.V220117.C3')).toEqual({
      issuer: 'MA',
      di: 'MA.156.M0.100761.21234561',
      serial: 'x00008',
      productionDate: '2022-01-17',
      lot: '20220117',
      expiry: '2022-01-30',
    });
    expect(reading(']Q1ma.156.m0.100999.10000017.V271200')).toEqual({
      issuer: 'MA',
      di: 'MA.156.M0.100999.10000017',
      expiry: '2027-12-31',
    });
  });

  it('refuses a short MA code, an unknown MA element and an impossible MA date', () => {
    expect(problem('MA.156.M0.100761')).toMatchObject({ issuer: 'MA', code: 'barcode_truncated' });
    expect(problem('MA.156.M0.100761.21234561.X12').code).toBe('barcode_unknown_element');
    expect(problem('MA.156.M0.100761.21234561.E221301').code).toBe('barcode_invalid_date');
  });

  it('recognises an AHM code and says it cannot be resolved', () => {
    expect(problem('AHM1234567890123')).toMatchObject({ issuer: 'AHM', code: 'barcode_not_resolvable', status: 422 });
  });
});

describe('telling a barcode from a certificate number', () => {
  it.each([
    '粤械注准20172140123',
    '国食药监械(准)字2013第3460441号',
    '粤穗械备20180539号',
    '20202140123',
    'hello',
    '',
    '(准)',
    `粤械注准${DI}`,
  ])('%s is not a barcode', (raw) => {
    expect(read(raw)).toEqual({ kind: 'not_barcode' });
  });
});
