import type { NormaliseError, ParsedNumber } from '../numbers/number.types.ts';
import { type BilingualText, defineError } from '../shared/app-error.ts';
import type { KnownSuggestion } from './certificates.schemas.ts';

export const invalidCertificateNumber = defineError(
  422,
  'invalid_certificate_number',
  // Only suggestions the index holds: the engine's unchecked ones are for POST /v1/numbers/normalize.
  (input: string, error: NormaliseError, suggestions: KnownSuggestion[]) => ({
    text: {
      zh: `证书编号无效：${error.message.zh}`,
      en: `Invalid certificate number: ${error.message.en}`,
    },
    extra: { input, reason: error.reason, suggestions },
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
  /** Numbers one slip away that the index holds, the technician's right number first. */
  suggestions: KnownSuggestion[];
  /** The right number, when a technician rejected this one as a typo. */
  correctNumber: string | null;
  /** Fields added by whoever handles misses (the correction queue adds `ticket`). */
  extra: Record<string, unknown>;
}

export const certificateNotFound = defineError(404, 'certificate_not_found', (details: NotFoundDetails) => {
  const guangdong = details.number.authority === '粤';
  const { correctNumber } = details;
  return {
    text: notFoundText(details, guangdong),
    extra: {
      canonical: details.number.canonical,
      manualEntryAllowed: !guangdong,
      ...(correctNumber ? { correctNumber } : {}),
      suggestions: details.suggestions,
      ...(details.probableMatch ? { probableMatch: details.probableMatch } : {}),
      ...(details.replacedBy.length > 0 ? { replacedBy: details.replacedBy } : {}),
      ...details.extra,
    },
  };
});

function notFoundText(details: NotFoundDetails, guangdong: boolean): BilingualText {
  const { canonical } = details.number;
  if (details.correctNumber) {
    return {
      zh: `证号 ${canonical} 经技术人员核实为输错，正确证号为 ${details.correctNumber}。`,
      en: `Technicians found ${canonical} to be mistyped: the right number is ${details.correctNumber}.`,
    };
  }
  // A miss handler that could not queue the number says so with `ticket: null` and its reason.
  if (details.extra.ticket === null) {
    return {
      zh: `数据库中没有广东省证书 ${canonical}，本次未能转技术人员核实补录，原因见随附说明。`,
      en: `Guangdong certificate ${canonical} is not in the database; it was not queued this time (see ticketRefused).`,
    };
  }
  if (guangdong) {
    return {
      zh: `数据库中没有广东省证书 ${canonical}，已转技术人员核实补录。`,
      en: `Guangdong certificate ${canonical} is not in the database; it goes to the correction queue.`,
    };
  }
  return {
    zh: `数据库中没有证书 ${canonical}，可由企业按照实际情况自行填报。`,
    en: `Certificate ${canonical} is not in the database; the manufacturer may enter its data by hand.`,
  };
}
