import { type BilingualText, defineError } from '../shared/app-error.ts';

/**
 * File-level refusals: the whole file is turned away before anything is written. Row-level
 * problems are not errors; they are listed in the import report (`row-issues.ts`).
 */

export const unsupportedFormat = defineError(415, 'import_unsupported_format', (detail: string) => ({
  text: {
    zh: `不支持的文件格式（\`${detail}\`）。请上传 CSV、XLSX 或 \`JSON Lines\` 文件。`,
    en: `Unsupported file format (${detail}). Upload a CSV, XLSX or JSON Lines file.`,
  },
}));

export const legacyExcel = defineError(415, 'import_xls_not_supported', () => ({
  text: {
    zh: '这是旧版 Excel（`.xls`）文件，请在 Excel 中“另存为” `.xlsx` 或 CSV 后再导入。',
    en: 'This is a legacy Excel (.xls) file: save it as .xlsx or CSV in Excel, then import it.',
  },
}));

export const brokenXlsx = defineError(400, 'import_broken_xlsx', (reason: string) => ({
  text: {
    zh: `XLSX 文件已损坏或不完整，无法读取（原始信息：\`${reason}\`）`,
    en: `The XLSX file is damaged or incomplete and cannot be read: ${reason}`,
  },
}));

export const malformedCsv = defineError(400, 'import_malformed_csv', (reason: string) => ({
  text: { zh: `CSV 文件格式错误（原始信息：\`${reason}\`）`, en: `The CSV file is malformed: ${reason}` },
}));

export const unreadableFile = defineError(400, 'import_unreadable', (reason: string) => ({
  text: { zh: `无法读取文件（原始信息：\`${reason}\`）`, en: `The file cannot be read: ${reason}` },
}));

export const emptyFile = defineError(400, 'import_empty_file', () => ({
  text: { zh: '文件为空。', en: 'The file is empty.' },
}));

export const missingColumns = defineError(
  400,
  'import_missing_columns',
  (missing: { field: string; expected: string[] }[], headerRow: number | null) => ({
    text: {
      zh: `缺少必需的列：${missing.map((m) => m.expected.slice(0, 2).join('/')).join('、')}${
        headerRow === null ? '（未找到表头行）' : `（表头在第 ${headerRow} 行）`
      }。`,
      en: `Required columns are missing: ${missing.map((m) => m.field).join(', ')}${
        headerRow === null ? ' (no header row found)' : ` (header found on row ${headerRow})`
      }.`,
    },
    extra: { missing, headerRow },
  }),
);

export const importTooLarge = defineError(413, 'import_too_large', (limitBytes: number) => ({
  text: {
    zh: `导入文件过大（上限 ${Math.round(limitBytes / 1024 / 1024)} MB），请拆分后分批导入。`,
    en: `The import file is too large (limit ${Math.round(limitBytes / 1024 / 1024)} MB); split it and import the parts.`,
  },
  extra: { limitBytes },
}));

/** A zip bomb: a small upload whose sheets inflate past IMPORT_MAX_DECOMPRESSED_MB. */
export const importDecompressedTooLarge = defineError(413, 'import_decompressed_too_large', (limitBytes: number) => ({
  text: {
    zh: `XLSX 文件解压后超过上限（${Math.round(limitBytes / 1024 / 1024)} MB），已拒绝导入。请拆分后分批导入，或另存为 CSV。`,
    en: `The XLSX file inflates past the limit (${Math.round(limitBytes / 1024 / 1024)} MB) and was refused; split it, or save it as CSV.`,
  },
  extra: { limitBytes },
}));

export const noFileUploaded = defineError(400, 'import_no_file', () => ({
  text: {
    zh: '请求中没有文件：请用 `multipart` 的 `file` 字段上传，或直接以 `text/csv` 等类型发送文件内容。',
    en: 'No file in the request: upload it in the multipart field `file`, or send it as the body (text/csv, …).',
  },
}));

export const multipleFiles = defineError(400, 'import_multiple_files', () => ({
  text: {
    zh: '一次只能导入一个文件：请在 `multipart` 表单的 `file` 字段中只上传一个文件。',
    en: 'One file per import: send a single file in the multipart field `file`.',
  },
}));

export const importRunNotFound = defineError(404, 'import_run_not_found', (id: number) => ({
  text: { zh: `没有编号为 ${id} 的导入记录。`, en: `No import run with id ${id}.` },
}));

/** A failure after rows were committed: those batches stay (they are whole); the run says where it stopped. */
export const importInterrupted = defineError(
  422,
  'import_interrupted',
  (importRunId: number, row: number | null, reason: BilingualText) => ({
    text: {
      zh: `导入在${row === null ? '' : `第 ${row} 行附近`}中断：${reason.zh}。已提交的批次完整保留，修正文件后重新导入即可补全。`,
      en: `The import stopped${row === null ? '' : ` near row ${row}`}: ${reason.en} Committed batches are kept whole; fix the file and import it again to complete it.`,
    },
    extra: { importRunId, row },
  }),
);
