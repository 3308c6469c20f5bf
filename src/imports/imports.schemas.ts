import { z } from 'zod';
import { bilingualTextSchema } from '../shared/problem.ts';

const bilingual = bilingualTextSchema.describe('The explanation in Chinese and English.');

const rowIssueSchema = z
  .object({
    row: z
      .number()
      .int()
      .describe('Row number as the user sees it in Excel (the CSV record, or the JSON Lines line), 1-based, header included.'),
    column: z
      .string()
      .nullable()
      .describe('The header of the column concerned, as written in the file; null when the whole row is at fault.'),
    severity: z.enum(['rejected', 'warning']).describe('rejected: the row was not stored. warning: it was stored without the value named.'),
    reason: z
      .string()
      .describe(
        'Stable code: missing_value, invalid_date, several_numbers, number_<normaliser reason>, expiry_before_approval, filing_expiry_dropped, …',
      ),
    message: bilingual,
    value: z.string().nullable().describe('The offending cell as text (first 500 characters).'),
  })
  .meta({ id: 'ImportRowIssue' });

const countsSchema = z
  .object({
    total: z.number().int().describe('Data rows read (hint rows and blank rows excluded): versionsAdded + unchanged + rejected.'),
    versionsAdded: z.number().int().describe('Documents stored for the first time.'),
    unchanged: z.number().int().describe('Rows whose document was already stored (a re-import adds nothing).'),
    rejected: z.number().int().describe('Rows not stored; each has at least one entry in rejections.'),
    certificatesCreated: z.number().int().describe('Certificates (numbers) new to the database.'),
    hintRowsSkipped: z
      .number()
      .int()
      .describe('Template hint rows ("必填，格式：…", "示例：…") and repeated headers, recognised by content and skipped.'),
    warnings: z.number().int().describe('Rows stored with a value dropped (see warnings).'),
  })
  .meta({ id: 'ImportCounts' });

const format = z.enum(['csv', 'xlsx', 'jsonl']).describe('The format read from the file content.');
const encoding = z
  .enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be'])
  .nullable()
  .describe('Text encoding detected (GBK files read as GB18030); null for XLSX.');

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
    fileName: z.string().describe('File name as uploaded; stored as the provenance sourceRef of every version.'),
    sha256: z.string().describe('SHA-256 of the file bytes.'),
    format,
    encoding,
    sizeBytes: z.number().int().nullable().describe('File size in bytes.'),
    source: z.string().describe('Provenance source recorded on every version (import unless given).'),
    status: z
      .enum(['running', 'completed', 'failed'])
      .describe('POST answers only completed runs (failures answer a problem document); failed runs keep the batches they committed.'),
    startedAt: z.string().describe('ISO timestamp.'),
    finishedAt: z.string().nullable().describe('ISO timestamp; null while running (or if the process died).'),
    durationMs: z.number().int().nullable().describe('Wall time of the import in milliseconds; null while running.'),
    headerRow: z
      .number()
      .int()
      .nullable()
      .describe('Row the header was found on (title rows above it are allowed); null for JSON Lines and for runs that did not complete.'),
    ignoredColumns: z.array(z.string()).describe('Header texts that name no known field; their cells were not imported.'),
    counts: countsSchema,
    error: z
      .object({
        code: z.string().nullable().describe('Stable error code when the failure was a coded one.'),
        message: z.string().describe('English description of the failure.'),
      })
      .nullable()
      .describe('Why a failed run stopped.'),
    issues: z
      .object({
        total: z.number().int().describe('Issues matching the filter.'),
        offset: z.number().int().describe('As requested (0 for POST).'),
        limit: z.number().int().describe('As requested (100 for POST).'),
        items: z.array(rowIssueSchema).describe('This page, in row order.'),
      })
      .describe('Rejections and warnings, paginated; page on with GET /v1/imports/{id}.'),
  })
  .meta({ id: 'ImportReport' });

export type ImportReportBody = z.output<typeof importReportSchema>;
