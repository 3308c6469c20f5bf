import type { Family, ReasonCode } from './number.types.ts';

interface Message {
  zh: string;
  en: string;
}

/** Facts about the input that a message can quote; each message uses the ones it needs. */
export interface MessageFacts {
  family?: Family;
  /** The authority (with its city) as typed. */
  authority?: string;
  form?: string;
  digitsFound?: string;
  digitsExpected?: string;
  year?: number;
  yearRange?: readonly [number, number];
  managementClass?: number;
  /** The prefix character left out. */
  missing?: string;
}

const FAMILY_ZH: Record<Family, string> = {
  registration: '注册证',
  filing: '第一类备案',
  legacy2004: '2004–2014 年格式注册证',
  legacy2000: '2000–2004 年格式注册证',
};
const FAMILY_EN: Record<Family, string> = {
  registration: 'registration',
  filing: 'class I filing',
  legacy2004: '2004–2014 format',
  legacy2000: '2000–2004 format',
};

/** The Chinese and English explanation of a reason. Reason codes are stable; these words are not. */
export function messageFor(reason: ReasonCode, facts: MessageFacts = {}): Message {
  const family = facts.family ?? 'registration';
  const a = facts.authority ?? '';
  switch (reason) {
    case 'empty':
      return { zh: '输入为空，请填写注册证编号或备案编号。', en: 'The input is empty: enter a registration or filing number.' };
    case 'no_authority_prefix':
      return {
        zh: '证号缺少审批部门简称（如“粤”“国”）；同样的数字在不同部门会重复，仅凭数字无法确定是哪一张证。',
        en: 'The number has no authority prefix (such as 粤 or 国); serials repeat across authorities, so the digits alone do not identify a certificate.',
      };
    case 'unknown_authority':
      return {
        zh: `“${a}”不是已知的审批部门简称。`,
        en: `"${a}" is not a known authority abbreviation.`,
      };
    case 'bad_digit_count':
      return {
        zh: `${FAMILY_ZH[family]}编号应有 ${facts.digitsExpected} 位数字，这里是 ${facts.digitsFound} 位。`,
        en: `A ${FAMILY_EN[family]} number has ${facts.digitsExpected} digits; this one has ${facts.digitsFound}.`,
      };
    case 'class_authority_mismatch':
      return classMismatch(family, a, facts.form ?? '', facts.managementClass ?? 0);
    case 'form_authority_mismatch':
      return {
        zh: `进口（进）和港澳台（许）产品由国家药监局审批；省级部门“${a}”只批准“准”字号，这里是“${facts.form}”。`,
        en: `Imported (进) and Hong Kong/Macao/Taiwan (许) devices are approved by NMPA (国); a provincial authority (${a}) issues 准 numbers only, not ${facts.form}.`,
      };
    case 'year_out_of_range': {
      const [min, max] = facts.yearRange ?? [0, 0];
      return {
        zh: `年份 ${facts.year} 不在${FAMILY_ZH[family]}的年份范围 ${min}–${max} 内。`,
        en: `The year ${facts.year} is outside ${min}–${max}, the years of ${FAMILY_EN[family]} numbers.`,
      };
    }
    case 'placeholder':
      return {
        zh: '证号中有占位符（如 x、*），不是完整的证号。',
        en: 'The number has placeholders (such as x or *) where digits belong.',
      };
    case 'not_a_device_certificate':
      return {
        zh: '这是其他许可或编码（生产/经营许可或备案、广告批准文号、药品批准文号、UDI 产品标识等），不是医疗器械注册证或备案编号。',
        en: 'This is another licence or code (production or trading licence or filing, advertisement approval, drug approval number, UDI-DI), not a device registration or filing number.',
      };
    case 'missing_character':
      return missingCharacter(family, facts.missing ?? '');
    case 'zero_serial':
      return {
        zh: `${FAMILY_ZH[family]}编号的流水号全为 0，不是有效的证号。`,
        en: `The serial of this ${FAMILY_EN[family]} number is all zeros, which no certificate has.`,
      };
    case 'letter_for_digit':
      return {
        zh: '证号的数字位置上有字母（如 O、I、l），请改为数字（0、1）后再保存。',
        en: 'The number has letters (such as O, I or l) where digits belong; type the digits (0, 1) before saving it.',
      };
    case 'unrecognised':
      return {
        zh: '无法识别为医疗器械注册证编号或备案编号。',
        en: 'Not recognised as a medical device registration or filing number.',
      };
  }
}

function classMismatch(family: Family, authority: string, form: string, managementClass: number): Message {
  const registration = family === 'registration';
  const national = authority === '国';
  let zh: string;
  let en: string;
  if (managementClass < (registration ? 2 : 1) || managementClass > 3) {
    zh = registration ? '注册证只有第二类、第三类（第一类实行备案）' : '类别只能是第一至第三类';
    en = registration ? 'registrations are class II or III (class I is filed)' : 'the class is I, II or III';
  } else if (national) {
    zh = '国家药监局批准的境内（准）产品为第三类';
    en = 'NMPA approves domestic (准) devices of class III';
  } else {
    zh = registration ? '省级部门注册的是境内第二类产品' : '省级部门不批准第三类产品';
    en = registration ? 'a provincial authority registers domestic class II devices' : 'a provincial authority does not approve class III';
  }
  return {
    zh: `类别位是 ${managementClass}，与“${authority}${form}”不符：${zh}。`,
    en: `The class digit ${managementClass} does not fit ${authority}…${form}: ${en}.`,
  };
}

function missingCharacter(family: Family, missing: string): Message {
  if (missing === '准') {
    return {
      zh: `${FAMILY_ZH[family]}编号缺少“准”字（进口产品为“进”，港澳台产品为“许”）。`,
      en: `The ${FAMILY_EN[family]} number lacks its form character: 准 (domestic), 进 (imported) or 许 (Hong Kong, Macao, Taiwan).`,
    };
  }
  return {
    zh: `${FAMILY_ZH[family]}编号缺少“${missing}”字。`,
    en: `The ${FAMILY_EN[family]} number lacks the character ${missing}.`,
  };
}
