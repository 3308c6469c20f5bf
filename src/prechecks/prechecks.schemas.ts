import { z } from 'zod';
import { FIELDS } from '../imports/rows/fields.ts';

/** The four verdicts a row can get, and the Chinese words the corrected file's 核查结果 column uses. */
export const ROW_STATUSES = ['passed', 'corrected', 'not_reportable', 'not_listed'] as const;
export const rowStatusSchema = z
  .enum(ROW_STATUSES)
  .describe(
    '核查结果：passed 通过，corrected 已更正，not_reportable 不可填报，not_listed 未收录。 passed, corrected, not_reportable (expired, imported, invalid number …) or not_listed (well-formed, not in certref).',
  );
export type RowStatus = z.output<typeof rowStatusSchema>;

export const STATUS_LABELS: Record<RowStatus, string> = {
  passed: '通过',
  corrected: '已更正',
  not_reportable: '不可填报',
  not_listed: '未收录',
};

const rowChangeSchema = z
  .object({
    column: z.string().describe('列的表头，与文件中写法一致。 The column header as written in the file.'),
    field: z.enum(FIELDS).describe('该列对应的字段。 The field the column holds.'),
    before: z.string().describe('原值（空单元格为空字符串）。 What the cell held (empty string for an empty cell).'),
    after: z.string().describe('更正后的值。 What the corrected file holds.'),
    reason: z
      .enum(['canonical_number', 'filled_from_store'])
      .describe('更正原因：canonical_number 证号改为规范写法；filled_from_store 按库中数据补填空白单元格。 Why it changed.'),
  })
  .meta({ id: 'PrecheckRowChange' });

export const precheckTicketSchema = z
  .object({
    ref: z.string().describe('工单引用号：凭它即可查看工单。 Ticket reference: anyone holding it reads the ticket.'),
    href: z.string().describe('查看工单状态的地址 `/v1/tickets/{ref}`。 Where the ticket is read.'),
    number: z.string().describe('工单对应的规范证号。 The canonical number the ticket is about.'),
    opened: z.boolean().describe('本次预检新建了工单时为 true，加入已有工单时为 false。 True when this pre-check opened it.'),
    row: z.number().int().describe('首次出现该证号的行号。 The first row that asked.'),
  })
  .meta({ id: 'PrecheckTicket' });

const rowReportSchema = z
  .object({
    row: z.number().int().describe('行号，与 Excel 中看到的一致（含表头）。 Row number as the clerk sees it in Excel, header included.'),
    status: rowStatusSchema,
    input: z.string().describe('证号单元格原文。 The number cell as typed.'),
    number: z.string().nullable().describe('识别出的规范证号；无法识别时为 null。 The canonical number, null when none was recognised.'),
    changes: z.array(rowChangeSchema).describe('更正文件中改动的单元格。 The cells the corrected file changed.'),
    notes: z.array(z.string()).describe('说明（中文），与更正文件“说明”列一致。 Why, in Chinese, as in the file’s 说明 column.'),
    ticket: precheckTicketSchema.nullable().describe('未收录的广东证号所开或加入的补录工单。 The ticket of a missing Guangdong number.'),
    ticketRefused: z
      .boolean()
      .describe('本小时新建工单的配额已用完、未开工单时为 true。 True when the ticket quota was spent and no ticket was opened.'),
    suggestions: z.array(z.string()).describe('库中存在的相近证号。 Known numbers the input may have meant.'),
  })
  .meta({ id: 'PrecheckRow' });
export type RowReport = z.output<typeof rowReportSchema>;

export const precheckCountsSchema = z
  .object({
    total: z
      .number()
      .int()
      .describe('核查的数据行数（不含表头、填写说明行和空行）。 Data rows checked (header, hint and blank rows excluded).'),
    passed: z.number().int().describe('通过。 Rows that were right as typed.'),
    corrected: z.number().int().describe('已更正。 Rows corrected (number spelling, blanks filled).'),
    notReportable: z.number().int().describe('不可填报。 Rows that cannot be reported (expired, imported, invalid …).'),
    notListed: z.number().int().describe('未收录。 Well-formed numbers certref does not hold.'),
    hintRows: z.number().int().describe('识别为填写说明并跳过的行。 Template hint rows recognised and left alone.'),
    blankRows: z.number().int().describe('空行。 Blank rows.'),
  })
  .meta({ id: 'PrecheckCounts' });
export type PrecheckCounts = z.output<typeof precheckCountsSchema>;

export const precheckSummarySchema = z
  .object({
    id: z.string().describe('预检编号（不可猜测）。 The pre-check’s reference (unguessable).'),
    fileName: z.string().describe('上传的文件名。 The file name given.'),
    format: z.enum(['csv', 'xlsx']).describe('文件格式。 The format read from the content.'),
    encoding: z
      .string()
      .nullable()
      .describe(
        '编码：CSV 的编码（utf-8、utf-8-bom、gb18030 …），更正文件沿用；XLSX 为 null。 The CSV encoding, kept by the corrected file; null for XLSX.',
      ),
    sheetName: z.string().nullable().describe('工作表名（XLSX），更正文件沿用。 The XLSX sheet name, kept by the corrected file.'),
    headerRow: z.number().int().describe('表头所在行。 The header row.'),
    asOf: z.string().describe('按哪一天判断有效期（上海时间的今天）。 The day validity was judged on (today in Shanghai).'),
    counts: precheckCountsSchema,
    rows: z
      .array(rowReportSchema)
      .describe(
        '除“通过”外每一行的结果，按行号排列，最多 1000 行；全部结果见更正文件。 Every row not passed as typed, in row order, up to 1,000; the corrected file has them all.',
      ),
    rowsTruncated: z.boolean().describe('行明细只列出了前 1000 行时为 true。 True when rows stops at 1,000.'),
    tickets: z.array(precheckTicketSchema).describe('本次预检所开或加入的工单，每个证号一次。 Tickets opened or joined, once per number.'),
    correctedFile: z
      .object({
        fileName: z.string().describe('更正文件的建议文件名。 Suggested name of the corrected file.'),
        contentType: z.string().describe('更正文件的类型。 Its media type.'),
      })
      .describe('以 `?respond=file` 再次提交即可直接取得更正文件。 Send the file again with `?respond=file` to receive it.'),
  })
  .meta({ id: 'PrecheckSummary' });
export type PrecheckSummary = z.output<typeof precheckSummarySchema>;

export const precheckQuerySchema = z.object({
  respond: z
    .enum(['json', 'file'])
    .optional()
    .describe(
      '返回内容：json（默认）为核查摘要，file 为更正后的文件（摘要计数在响应头 `X-Precheck-Counts`）。不填时按 Accept 头决定。 What to answer with: json (the summary) or file (the corrected file, counts in the X-Precheck-Counts header). Default: by the Accept header, else json.',
    ),
  fileName: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('文件名（直接上传文件内容时使用）。 File name for raw-body uploads (multipart uploads carry their own).'),
});
