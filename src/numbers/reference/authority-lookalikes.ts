/**
 * Characters that stand where an authority abbreviation should, and the abbreviation they most
 * likely replace. Used only to put the likeliest suggestions first: every authority is still
 * tried, and a suggestion is offered only if it makes a valid number.
 *
 * Two sources: other names of a province (贵 for Guizhou, whose abbreviation is 黔; 云 for Yunnan,
 * 滇; 蒙 for Inner Mongolia, which appears as 内) and glyphs OCR confuses with an abbreviation
 * (绿 read for 豫 is a real case, docs/numbers.md §3 row 13; the rest are shape neighbours).
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  国: '图固围困囯圀团因',
  京: '凉景亰惊就',
  津: '律肆健',
  冀: '翼異糞',
  晋: '普音昔',
  内: '蒙肉丙闪纳',
  辽: '过迈边',
  吉: '古告言杏',
  黑: '墨黒默里',
  沪: '申泸护炉扩',
  苏: '芬芳苑办',
  浙: '淅渐折哲',
  皖: '晥碗院',
  闽: '闵闻闰',
  赣: '赖竷',
  鲁: '兽曾鱼',
  豫: '绿緑像橡预象',
  鄂: '鄠颚郭',
  湘: '相缃湖箱',
  粤: '奥澳粵',
  桂: '挂硅佳柱',
  琼: '晾掠凉',
  渝: '偷瑜输愉喻',
  川: '州训蜀',
  黔: '贵黝黟默',
  滇: '云填慎镇',
  藏: '臧葳',
  陕: '秦峡侠狭',
  甘: '陇廿目',
  青: '责靑清',
  宁: '丁守宇',
  新: '亲薪',
  兵: '丘乒乓',
};

const LIKELY_BY_CODE = new Map<number, string[]>();
for (const [abbr, chars] of Object.entries(LOOKALIKES)) {
  for (const ch of chars) {
    const list = LIKELY_BY_CODE.get(ch.charCodeAt(0)) ?? [];
    list.push(abbr);
    LIKELY_BY_CODE.set(ch.charCodeAt(0), list);
  }
}

/** Abbreviations the typed character most likely stands for, likeliest first; may be empty. */
export function likelyAuthoritiesFor(typed: string): readonly string[] {
  return LIKELY_BY_CODE.get(typed.charCodeAt(0)) ?? [];
}
