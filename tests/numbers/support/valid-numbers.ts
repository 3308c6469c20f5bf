import fc from 'fast-check';
import type { Family, Form } from '../../../src/numbers/number.types.ts';

/** A valid number, its canonical form, and what its parts must read as. */
export interface GeneratedNumber {
  canonical: string;
  family: Family;
  authority: string;
  city: string | null;
  form: Form | null;
  year: number;
  class: 1 | 2 | 3;
  code: string | null;
  serial: string;
  /** Where the digit runs are in `canonical` ([start, end)), so disguises can aim inside them. */
  digitRuns: ReadonlyArray<readonly [number, number]>;
  /** How many digits of each run may be crossed by spaces and separators (docs/numbers.md §3 rows 2, 8). */
  softDigits: readonly number[];
}

export const CURRENT_YEAR = 2026;

const PROVINCES = [...'京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新兵'];
const GUANGDONG_CITIES = [...'穗深珠汕佛韶河梅惠莞中江阳湛茂肇清潮揭云'];
/** City characters of other provinces seen in filings (浙绍, 鲁青, 苏苏), and a few more. */
const OTHER_CITIES = [...'绍青苏锡杭甬温嘉湖金台济烟潍'];

const digitsOf = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const twoDigits = digitsOf(2, 2);
/** Serials count from 1: a serial of all zeros is `zero_serial`, not a number. */
const serialOf = (min: number, max: number) => digitsOf(min, max).filter((s) => /[1-9]/.test(s));
const fourDigitSerial = serialOf(4, 4);

export const registrationArb: fc.Arbitrary<GeneratedNumber> = fc
  .record({
    national: fc.boolean(),
    province: fc.constantFrom(...PROVINCES),
    form: fc.constantFrom<Form>('准', '进', '许'),
    importedClass: fc.constantFrom<2 | 3>(2, 3),
    year: fc.integer({ min: 2014, max: CURRENT_YEAR }),
    code: twoDigits,
    serial: fourDigitSerial,
  })
  .map(({ national, province, form, importedClass, year, code, serial }) => {
    const f: Form = national ? form : '准';
    const cls = national ? (f === '准' ? 3 : importedClass) : 2;
    const authority = national ? '国' : province;
    const canonical = `${authority}械注${f}${year}${cls}${code}${serial}`;
    return {
      canonical,
      family: 'registration',
      authority,
      city: null,
      form: f,
      year,
      class: cls,
      code,
      serial,
      digitRuns: [[4, 15]],
      softDigits: [11],
    };
  });

export const filingArb: fc.Arbitrary<GeneratedNumber> = fc
  .record({
    kind: fc.constantFrom('national', 'province', 'guangdong-city', 'other-city'),
    province: fc.constantFrom(...PROVINCES),
    guangdongCity: fc.constantFrom(...GUANGDONG_CITIES),
    otherCity: fc.constantFrom(...OTHER_CITIES),
    year: fc.integer({ min: 2014, max: CURRENT_YEAR }),
    serial: serialOf(4, 8),
  })
  .map(({ kind, province, guangdongCity, otherCity, year, serial }) => {
    const authority = kind === 'national' ? '国' : kind === 'guangdong-city' ? '粤' : province;
    const city = kind === 'guangdong-city' ? guangdongCity : kind === 'other-city' ? otherCity : null;
    const prefix = `${authority}${city ?? ''}械备`;
    const canonical = `${prefix}${year}${serial}`;
    return {
      canonical,
      family: 'filing',
      authority,
      city,
      form: null,
      year,
      class: 1,
      code: null,
      serial,
      digitRuns: [[prefix.length, canonical.length]],
      // Past 8 digits a space ends a filing (so a trailing date is not read as its serial).
      softDigits: [8],
    };
  });

function legacyArb(family: 'legacy2004' | 'legacy2000'): fc.Arbitrary<GeneratedNumber> {
  return fc
    .record({
      national: fc.boolean(),
      province: fc.constantFrom(...PROVINCES),
      city: fc.option(fc.constantFrom(...GUANGDONG_CITIES), { nil: null }),
      form: fc.constantFrom<Form>('准', '进', '许'),
      nationalImportClass: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      provincialClass: fc.constantFrom<1 | 2>(1, 2),
      shi: fc.boolean(),
      year: family === 'legacy2004' ? fc.integer({ min: 2004, max: 2014 }) : fc.integer({ min: 2000, max: 2004 }),
      code: twoDigits,
      serial: fourDigitSerial,
    })
    .map(({ national, province, city, form, nationalImportClass, provincialClass, shi, year, code, serial }) => {
      const f: Form = national ? form : '准';
      const cls = national ? (f === '准' ? 3 : nationalImportClass) : provincialClass;
      const authority = national ? '国' : '粤';
      const withCity = national ? null : city;
      const region = national ? '国' : withCity === null ? province : '粤';
      const prefix = `${region}${withCity ?? ''}${shi ? '食' : ''}${family === 'legacy2004' ? '药监' : '药管'}械(${f})字`;
      const yearStart = prefix.length;
      const tailStart = yearStart + 5;
      const canonical = `${prefix}${year}第${cls}${code}${serial}号`;
      return {
        canonical,
        family,
        authority: withCity === null ? region : authority,
        city: withCity,
        form: f,
        year,
        class: cls,
        code,
        serial,
        digitRuns: [
          [yearStart, yearStart + 4],
          [tailStart, tailStart + 7],
        ],
        softDigits: [4, 7],
      };
    });
}

export const legacy2004Arb = legacyArb('legacy2004');
export const legacy2000Arb = legacyArb('legacy2000');

export const anyValidNumberArb: fc.Arbitrary<GeneratedNumber> = fc.oneof(registrationArb, filingArb, legacy2004Arb, legacy2000Arb);
