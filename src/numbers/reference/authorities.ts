/**
 * The authorities whose one-character abbreviation starts a certificate number
 * (docs/numbers.md §1). Only this list is accepted: an abbreviation outside
 * it is `unknown_authority`, never a guess.
 */
export interface Authority {
  abbr: string;
  /** Full name of the region, or of the national administration for 国. */
  name: string;
  /** Whether numbers with this prefix have been seen in public material (not mock data). */
  seenInRealNumbers: boolean;
}

export const NATIONAL_ABBR = '国';

export const AUTHORITIES: readonly Authority[] = Object.freeze(
  (
    [
      ['国', '国家药品监督管理局', true],
      ['京', '北京市', true],
      ['津', '天津市', true],
      ['冀', '河北省', true],
      ['晋', '山西省', true],
      ['内', '内蒙古自治区', true],
      ['辽', '辽宁省', true],
      ['吉', '吉林省', true],
      ['黑', '黑龙江省', true],
      ['沪', '上海市', true],
      ['苏', '江苏省', true],
      ['浙', '浙江省', true],
      ['皖', '安徽省', true],
      ['闽', '福建省', true],
      ['赣', '江西省', true],
      ['鲁', '山东省', true],
      ['豫', '河南省', true],
      ['鄂', '湖北省', true],
      ['湘', '湖南省', true],
      ['粤', '广东省', true],
      ['桂', '广西壮族自治区', true],
      ['琼', '海南省', false],
      ['渝', '重庆市', false],
      ['川', '四川省', true],
      ['黔', '贵州省', true],
      ['滇', '云南省', false],
      ['藏', '西藏自治区', false],
      ['陕', '陕西省', true],
      ['甘', '甘肃省', false],
      ['青', '青海省', false],
      ['宁', '宁夏回族自治区', false],
      ['新', '新疆维吾尔自治区', false],
      ['兵', '新疆生产建设兵团', false],
    ] as const
  ).map(([abbr, name, seenInRealNumbers]) => Object.freeze({ abbr, name, seenInRealNumbers })),
);

const BY_CODE = new Map<number, Authority>(AUTHORITIES.map((a) => [a.abbr.charCodeAt(0), a]));

/** The authority whose abbreviation is this UTF-16 code unit, if any. */
export function authorityByCode(code: number): Authority | undefined {
  return BY_CODE.get(code);
}

export const NATIONAL_CODE = NATIONAL_ABBR.charCodeAt(0);
