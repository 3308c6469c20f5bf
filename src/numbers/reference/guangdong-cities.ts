/**
 * Guangdong's prefecture-level cities and the second character of their class I filing prefix
 * (`粤穗械备…`), docs/numbers.md §1. 汕尾's prefix is not known, so it has none.
 */
export interface GuangdongCity {
  /** Full city name. */
  city: string;
  /** The two-character filing prefix, `粤穗`; null where unknown. */
  prefix: string | null;
  seenInRealNumbers: boolean;
}

export const GUANGDONG_ABBR = '粤';

export const GUANGDONG_CITIES: readonly GuangdongCity[] = Object.freeze(
  (
    [
      ['广州市', '穗', true],
      ['深圳市', '深', false],
      ['珠海市', '珠', false],
      ['汕头市', '汕', false],
      ['佛山市', '佛', false],
      ['韶关市', '韶', false],
      ['河源市', '河', false],
      ['梅州市', '梅', false],
      ['惠州市', '惠', true],
      ['汕尾市', null, false],
      ['东莞市', '莞', false],
      ['中山市', '中', true],
      ['江门市', '江', false],
      ['阳江市', '阳', false],
      ['湛江市', '湛', false],
      ['茂名市', '茂', false],
      ['肇庆市', '肇', false],
      ['清远市', '清', false],
      ['潮州市', '潮', false],
      ['揭阳市', '揭', false],
      ['云浮市', '云', false],
    ] as const
  ).map(([city, abbr, seenInRealNumbers]) =>
    Object.freeze({ city, prefix: abbr === null ? null : GUANGDONG_ABBR + abbr, seenInRealNumbers }),
  ),
);

const CITY_NAME_BY_CODE = new Map<number, string>(
  GUANGDONG_CITIES.flatMap((c) => (c.prefix === null ? [] : [[c.prefix.charCodeAt(1), c.city] as const])),
);

/** The Guangdong city whose filing prefix ends with this code unit (`穗` → 广州市), if known. */
export function guangdongCityName(code: number): string | undefined {
  return CITY_NAME_BY_CODE.get(code);
}
