import { defineError } from '../shared/app-error.ts';

/**
 * File-level refusals of a pre-check: nothing is checked and no ticket is opened. Problems of single
 * rows are not errors; they are the rows' 核查结果 and 说明.
 */

export const notATemplate = defineError(400, 'precheck_not_a_template', (searchedRows: number) => ({
  text: {
    zh: `前 ${searchedRows} 行中没有找到“注册证编号”或“备案编号”列，这不是产品信息批量填报模板。请保留模板的表头行后再核查。`,
    en: `No certificate-number column (注册证编号 / 备案编号) in the first ${searchedRows} rows: this is not a reporting template. Keep the template's header row and check it again.`,
  },
  extra: { searchedRows },
}));

export const precheckTooLarge = defineError(413, 'precheck_too_large', (limitBytes: number) => ({
  text: {
    zh: `文件超过 ${Math.round(limitBytes / 1024 / 1024)} MB 的上限（与广东省填报系统的上传上限相同），请拆分后分别核查。`,
    en: `The file is over the ${Math.round(limitBytes / 1024 / 1024)} MB limit (the same as the Guangdong reporting system's upload limit); split it and check the parts.`,
  },
  extra: { limitBytes },
}));

export const encryptedWorkbook = defineError(415, 'precheck_encrypted_workbook', () => ({
  text: {
    zh: '该 Excel 文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 `.xlsx` 再核查。',
    en: 'The workbook is password-protected (encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and check it again.',
  },
}));

const ENCODING_DOUBTS: Record<string, { zh: string; en: string }> = {
  nul_bytes: { zh: '含有空字节，可能是不带字节顺序标记的 `UTF-16`', en: 'it has NUL bytes: UTF-16 without a byte order mark?' },
  invalid_bytes: { zh: '既不是 `UTF-8` 也不是 `GBK`/`GB18030`', en: 'neither UTF-8 nor GBK/GB18030' },
};

export const unknownEncoding = defineError(415, 'precheck_unknown_encoding', (detail: 'nul_bytes' | 'invalid_bytes') => ({
  text: {
    zh: `无法识别 CSV 文件的文字编码（${ENCODING_DOUBTS[detail]!.zh}）。请在 Excel 中“另存为”“\`CSV UTF-8\`”或“CSV（逗号分隔）”后再核查。`,
    en: `The CSV file's text encoding is not recognised (${ENCODING_DOUBTS[detail]!.en}). Save it from Excel as "CSV UTF-8" or "CSV (comma delimited)" and check it again.`,
  },
  extra: { detail },
}));
