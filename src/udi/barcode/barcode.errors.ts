import { defineError } from '../../shared/app-error.ts';

/** Why a scan cannot be read; the text never blames the product, it asks for another scan. */
const RESCAN = { zh: '请重新扫描，或直接输入注册证编号/备案凭证编号。', en: 'Scan it again, or type the certificate number instead.' };

export const barcodeCheckDigitMismatch = defineError(422, 'barcode_check_digit_mismatch', (di: string, expected: number) => ({
  text: {
    zh: `条码中的产品标识 ${di} 校验位不对（应为 ${expected}），扫描或输入有误。${RESCAN.zh}`,
    en: `The DI ${di} read from the barcode fails its GS1 check digit (expected ${expected}): a misread or mistyped code. ${RESCAN.en}`,
  },
  extra: { di, expectedCheckDigit: expected },
}));

export const barcodeUnknownElement = defineError(422, 'barcode_unknown_element', (detail: string) => ({
  text: {
    zh: `条码中有无法识别的应用标识符或数据项，不像医疗器械 UDI 条码。${RESCAN.zh}`,
    en: `The barcode holds an element that cannot be read (${detail}); it does not look like a device UDI. ${RESCAN.en}`,
  },
  extra: { detail },
}));

/** `element` is the AI as printed, `(10)`, when known: the parser does not say which fixed-length element ran short. */
export const barcodeTruncated = defineError(422, 'barcode_truncated', (element: string | null) => ({
  text: {
    zh: `条码内容不完整：${element ? `\`${element}\` ` : '某个数据项'}缺少数据或被截断。${RESCAN.zh}`,
    en: `The barcode is incomplete: ${element ?? 'an element'} is missing its data or was cut short. ${RESCAN.en}`,
  },
  extra: { element },
}));

/** `value` is null when the parser refused a month or day before handing the element back. */
export const barcodeInvalidDate = defineError(422, 'barcode_invalid_date', (element: string | null, value: string | null) => ({
  text: {
    zh: `条码中的日期${value ? ` \`${value}\`` : ''}${element ? `（\`${element}\`）` : ''}不是有效日期。${RESCAN.zh}`,
    en: `The date${value ? ` ${value}` : ''}${element ? ` (${element})` : ''} read from the barcode is not a calendar date. ${RESCAN.en}`,
  },
  extra: { element, value },
}));

export const barcodeWithoutDi = defineError(422, 'barcode_without_di', () => ({
  text: {
    zh: `条码中没有产品标识（应用标识符 \`(01)\`），无法据此查到产品。${RESCAN.zh}`,
    en: `The barcode carries no device identifier (AI 01), so no product can be found from it. ${RESCAN.en}`,
  },
}));

export const barcodeNotResolvable = defineError(422, 'barcode_not_resolvable', (issuer: string) => ({
  text: {
    zh: `已识别为 \`${issuer}\` 发码机构的条码，但本服务导入的 UDI 数据无法据此查到产品。请直接输入注册证编号/备案凭证编号。`,
    en: `This is a barcode of the ${issuer} issuing agency, which the UDI data certref imports cannot resolve. Type the certificate number instead.`,
  },
  extra: { issuer },
}));

export const udiDeviceWithoutCertificate = defineError(404, 'udi_device_without_certificate', (di: string) => ({
  text: {
    zh: `UDI 数据库中产品标识 ${di} 的记录没有填写注册证编号/备案凭证编号，无法自动填写。请按产品标签或说明书上的证号输入。`,
    en: `The UDI record of DI ${di} names no certificate number, so the form cannot be filled from it. Type the number printed on the label or instructions.`,
  },
  extra: { di },
}));

export const udiDeviceSeveralCertificates = defineError(422, 'udi_device_several_certificates', (di: string, certificates: string[]) => ({
  text: {
    zh: `UDI 数据库中产品标识 ${di} 的记录列出了 ${certificates.length} 个证书（${certificates.join('、')}），请直接输入要填报的那一个证号。`,
    en: `The UDI record of DI ${di} names ${certificates.length} certificates (${certificates.join(', ')}); type the one to report.`,
  },
  extra: { di, certificates },
}));
