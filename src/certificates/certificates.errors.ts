import type { NormaliseError, ParsedNumber } from '../numbers/number.types.ts';
import { defineError } from '../shared/app-error.ts';

export const invalidCertificateNumber = defineError(
  422,
  'invalid_certificate_number',
  (input: string, error: NormaliseError, suggestionsFound: string[]) => ({
    text: {
      zh: `证书编号无效：${error.message.zh}`,
      en: `Invalid certificate number: ${error.message.en}`,
    },
    extra: { input, reason: error.reason, suggestions: error.suggestions, suggestionsFound },
  }),
);

export const multipleNumbers = defineError(422, 'multiple_numbers', (numbers: ParsedNumber[], route: 'single' | 'batch') => ({
  text:
    route === 'single'
      ? {
          zh: `输入中包含 ${numbers.length} 个证书编号，请逐个查询或使用批量接口。`,
          en: `The input holds ${numbers.length} certificate numbers; look them up one at a time or use the batch route.`,
        }
      : {
          zh: `这一项包含 ${numbers.length} 个证书编号（${numbers.map((n) => n.canonical).join('、')}），请把每个证号作为单独的一项提交。`,
          en: `This item holds ${numbers.length} certificate numbers (${numbers.map((n) => n.canonical).join(', ')}); send each number as its own item.`,
        },
  extra: { numbers: numbers.map((n) => n.canonical) },
}));

export interface NotFoundDetails {
  number: ParsedNumber;
  probableMatch: string | null;
  replacedBy: string[];
  /** Fields added by whoever handles misses (the correction queue adds `ticket`). */
  extra: Record<string, unknown>;
}

export const certificateNotFound = defineError(404, 'certificate_not_found', (details: NotFoundDetails) => {
  const guangdong = details.number.authority === '粤';
  return {
    text: guangdong
      ? {
          zh: `数据库中没有广东省证书 ${details.number.canonical}，已转技术人员核实补录。`,
          en: `Guangdong certificate ${details.number.canonical} is not in the database; it goes to the correction queue.`,
        }
      : {
          zh: `数据库中没有证书 ${details.number.canonical}，可由企业按照实际情况自行填报。`,
          en: `Certificate ${details.number.canonical} is not in the database; the manufacturer may enter its data by hand.`,
        },
    extra: {
      canonical: details.number.canonical,
      manualEntryAllowed: !guangdong,
      ...(details.probableMatch ? { probableMatch: details.probableMatch } : {}),
      ...(details.replacedBy.length > 0 ? { replacedBy: details.replacedBy } : {}),
      ...details.extra,
    },
  };
});
