/**
 * Traditional (and Japanese) forms of the characters certificate numbers use, mapped to the
 * simplified forms the canonical numbers use. The list is the one in docs/numbers.md §3 row 10, plus
 * 內 (内 Inner Mongolia), 紹 (浙绍 filings), 葯/薬 (药) and the characters of the look-alike
 * licences (生產, 經營, 廣審) so those are still recognised as not being device certificates.
 */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  國: '国',
  準: '准',
  進: '进',
  許: '许',
  註: '注',
  備: '备',
  監: '监',
  藥: '药',
  葯: '药',
  薬: '药',
  號: '号',
  粵: '粤',
  滬: '沪',
  蘇: '苏',
  閩: '闽',
  贛: '赣',
  魯: '鲁',
  遼: '辽',
  陝: '陕',
  寧: '宁',
  雲: '云',
  貴: '贵',
  瓊: '琼',
  晉: '晋',
  陽: '阳',
  內: '内',
  紹: '绍',
  產: '产',
  經: '经',
  營: '营',
  廣: '广',
  審: '审',
};
