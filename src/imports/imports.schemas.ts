import { z } from 'zod';
import { bilingualTextSchema } from '../shared/problem.ts';

const bilingual = bilingualTextSchema.describe('中英文说明。 The explanation in Chinese and English.');

const rowIssueSchema = z
  .object({
    row: z
      .number()
      .int()
      .describe(
        '用户在 Excel 中看到的行号（CSV 的记录号或 JSON Lines 的行号），从 1 开始，含表头。 Row number as the user sees it in Excel (the CSV record, or the JSON Lines line), 1-based, header included.',
      ),
    column: z
      .string()
      .nullable()
      .describe(
        '相关列的表头，按文件原文；整行有误时为 null。 The header of the column concerned, as written in the file; null when the whole row is at fault.',
      ),
    severity: z
      .enum(['rejected', 'warning'])
      .describe(
        '问题级别：rejected 表示该行未存入；warning 表示该行已存入，但未含所指的值。 rejected: the row was not stored. warning: it was stored without the value named.',
      ),
    reason: z
      .string()
      .describe(
        '稳定的问题代码：missing_value、invalid_date、several_numbers、number_<规范化原因>、expiry_before_approval、filing_expiry_dropped 等。 Stable code: missing_value, invalid_date, several_numbers, number_<normaliser reason>, expiry_before_approval, filing_expiry_dropped, …',
      ),
    message: bilingual,
    value: z.string().nullable().describe('出错单元格的文本（前 500 个字符）。 The offending cell as text (first 500 characters).'),
  })
  .meta({ id: 'ImportRowIssue' });

const countsSchema = z
  .object({
    total: z
      .number()
      .int()
      .describe(
        '读取的数据行数（不含提示行和空行）：versionsAdded + unchanged + rejected。 Data rows read (hint rows and blank rows excluded): versionsAdded + unchanged + rejected.',
      ),
    versionsAdded: z.number().int().describe('首次存入的文件数。 Documents stored for the first time.'),
    unchanged: z
      .number()
      .int()
      .describe('文件已存在的行数（重复导入不会新增）。 Rows whose document was already stored (a re-import adds nothing).'),
    rejected: z
      .number()
      .int()
      .describe('未存入的行数；每行在 rejections 中至少有一条。 Rows not stored; each has at least one entry in rejections.'),
    certificatesCreated: z.number().int().describe('数据库中新增的证书（证号）数。 Certificates (numbers) new to the database.'),
    hintRowsSkipped: z
      .number()
      .int()
      .describe(
        '按内容识别并跳过的模板提示行（“必填，格式：…”、“示例：…”）和重复表头。 Template hint rows ("必填，格式：…", "示例：…") and repeated headers, recognised by content and skipped.',
      ),
    warnings: z.number().int().describe('存入时丢弃了某个值的行数（见 warnings）。 Rows stored with a value dropped (see warnings).'),
  })
  .meta({ id: 'ImportCounts' });

const format = z.enum(['csv', 'xlsx', 'jsonl']).describe('根据文件内容识别出的格式。 The format read from the file content.');
const encoding = z
  .enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])
  .nullable()
  .describe(
    '检测到的文本编码（GBK 文件按 GB18030 读取）；XLSX 为 null。 Text encoding detected (GBK files read as GB18030); null for XLSX.',
  );

export const importQuerySchema = z
  .object({
    source: z
      .string()
      .regex(/^[a-z][a-z0-9_:.-]{0,39}$/)
      .optional()
      .describe('记录的数据来源。 Provenance source to record (default import), e.g. demo, html:gdmpa.'),
    fileName: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .describe('文件名（直接上传文件内容时使用）。 File name for raw-body uploads (multipart uploads carry their own).'),
  })
  .strict();

export const importRunParamsSchema = z.object({
  id: z.coerce.number().int().positive().describe('导入记录编号。 Import run id.'),
});

export const importRunQuerySchema = z
  .object({
    offset: z.coerce.number().int().min(0).default(0).describe('跳过的问题条数。 Issues to skip.'),
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe('每页问题条数。 Issues per page (at most 1,000).'),
    severity: z.enum(['rejected', 'warning']).optional().describe('只看拒收或只看警告。 Only rejections, or only warnings.'),
  })
  .strict();

/**
 * One shape for an import, whether just finished (POST) or looked up later (GET): a client reads
 * both with the same code, and the POST answer is what GET shows for the run afterwards.
 */
export const importReportSchema = z
  .object({
    id: z.number().int().describe('导入记录编号。 Import run id; GET /v1/imports/{id} shows the same report.'),
    fileName: z
      .string()
      .describe(
        '上传时的文件名；作为每个版本来源信息中的 sourceRef 保存。 File name as uploaded; stored as the provenance sourceRef of every version.',
      ),
    sha256: z.string().describe('文件内容的 SHA-256。 SHA-256 of the file bytes.'),
    format,
    encoding,
    sizeBytes: z.number().int().nullable().describe('文件大小（字节）。 File size in bytes.'),
    source: z
      .string()
      .describe('记在每个版本上的数据来源（未指定时为 import）。 Provenance source recorded on every version (import unless given).'),
    status: z
      .enum(['running', 'completed', 'failed'])
      .describe(
        '导入状态：POST 只返回已完成的导入（失败时返回问题文档）；失败的导入保留已提交的批次。 POST answers only completed runs (failures answer a problem document); failed runs keep the batches they committed.',
      ),
    startedAt: z.string().describe('开始时间（ISO 时间戳）。 ISO timestamp.'),
    finishedAt: z
      .string()
      .nullable()
      .describe('结束时间（ISO 时间戳）；运行中（或进程已中止）时为 null。 ISO timestamp; null while running (or if the process died).'),
    durationMs: z
      .number()
      .int()
      .nullable()
      .describe('导入所用的实际时间（毫秒）；运行中为 null。 Wall time of the import in milliseconds; null while running.'),
    headerRow: z
      .number()
      .int()
      .nullable()
      .describe(
        '表头所在的行（其上允许有标题行）；JSON Lines 和未完成的导入为 null。 Row the header was found on (title rows above it are allowed); null for JSON Lines and for runs that did not complete.',
      ),
    ignoredColumns: z
      .array(z.string())
      .describe('不对应任何已知字段的表头；这些列未被导入。 Header texts that name no known field; their cells were not imported.'),
    counts: countsSchema,
    error: z
      .object({
        code: z.string().nullable().describe('失败带有错误代码时的稳定代码。 Stable error code when the failure was a coded one.'),
        message: z.string().describe('失败原因的英文说明。 English description of the failure.'),
      })
      .nullable()
      .describe('失败的导入为何中止。 Why a failed run stopped.'),
    issues: z
      .object({
        total: z.number().int().describe('符合筛选条件的问题条数。 Issues matching the filter.'),
        offset: z.number().int().describe('与请求相同（POST 时为 0）。 As requested (0 for POST).'),
        limit: z.number().int().describe('与请求相同（POST 时为 100）。 As requested (100 for POST).'),
        items: z.array(rowIssueSchema).describe('本页内容，按行号排序。 This page, in row order.'),
      })
      .describe(
        '分页列出的拒绝和警告；用 GET /v1/imports/{id} 翻页。 Rejections and warnings, paginated; page on with GET /v1/imports/{id}.',
      ),
  })
  .meta({ id: 'ImportReport' });

export type ImportReportBody = z.output<typeof importReportSchema>;
