import { z } from 'zod';
import { CertificateNumberInput } from '../numbers/numbers.schemas.ts';
import { REJECT_REASONS, RESOLUTIONS, TICKET_STATUSES } from './ticket-state.ts';

const Timestamp = z.string().describe('时间（ISO 时间戳）。 ISO timestamp.');
const Status = z
  .enum(TICKET_STATUSES)
  .describe('工单状态：open（待处理）→ claimed（已认领）→ resolved（已解决）| rejected（已驳回）。 open → claimed → resolved | rejected.');

export const ticketParamsSchema = z.strictObject({ id: z.coerce.number().int().positive().describe('工单编号。 Ticket id.') });

/** A ticket as its reader names it: by id, or by the ref a lookup's 404 gave. */
export const ticketLocatorParamsSchema = z.strictObject({
  id: z
    .string()
    .regex(/^(?:[1-9]\d{0,14}|[0-9a-f]{32})$/, 'a ticket id or ref')
    .describe(
      '工单凭据 ref（32 位十六进制，见查询未命中时的回答，持有者均可查看）或工单编号（技术人员及提出查询的单位的密钥可用）。 The ticket’s ref (32 hex digits, from the lookup’s 404: anyone holding it may read), or its id (technicians, and keys of an organisation that asked for it; anyone else is told 404).',
    ),
});

export const attachmentParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().describe('工单编号。 Ticket id.'),
  attachmentId: z.coerce.number().int().positive().describe('附件编号。 Attachment id.'),
});

export const ticketSummarySchema = z
  .object({
    id: z.number().int().describe('工单编号。 Ticket id.'),
    ref: z
      .string()
      .describe(
        '不可猜测的工单凭据：凭 `/v1/tickets/{ref}` 无需密钥即可查看。 Unguessable reference: `/v1/tickets/{ref}` reads the ticket with or without a key.',
      ),
    canonical: z.string().describe('缺失证书的规范号码。 The missing certificate number, canonical.'),
    status: Status,
    requestCount: z.number().int().describe('工单开启期间该证号被查询的次数。 Lookups of this number while the ticket was open.'),
    requesterCount: z.number().int().describe('提出查询的不同单位数。 Distinct requesting organisations.'),
    firstSeenAt: Timestamp.describe('首次查询时间。 First lookup.'),
    lastSeenAt: Timestamp.describe('最近一次查询时间。 Latest lookup.'),
    claim: z
      .object({
        by: z.string().describe('技术人员在审计记录中的操作者标识。 Audit actor of the technician.'),
        name: z.string().describe('技术人员姓名。 The technician’s name.'),
        at: Timestamp.describe('认领时间。 When claimed.'),
        expiresAt: Timestamp.describe(
          '认领若不续期将失效的时间（CLAIM_TIMEOUT_MINUTES）。 When the claim lapses unless renewed (CLAIM_TIMEOUT_MINUTES).',
        ),
      })
      .nullable()
      .describe('正在处理的人；未认领时为 null。 Who is working on it; null unless claimed.'),
    resolution: z
      .object({
        kind: z
          .enum(RESOLUTIONS)
          .describe(
            '解决方式：corrected 表示技术人员录入了数据；data_arrived 表示导入或其他来源带来了数据。 corrected: a technician entered the data; data_arrived: an import or other source brought it.',
          ),
        by: z.string().describe('审计记录中的操作者标识。 Audit actor.'),
        name: z.string().describe('技术人员或数据来源名称。 Technician or source name.'),
        at: Timestamp.describe('解决时间。 When resolved.'),
        versionId: z.number().int().nullable().describe('解决该工单的证书版本。 The certificate version that resolved it.'),
        certificateHref: z.string().describe('现在可查到该证书的地址。 Where the certificate is now found.'),
      })
      .nullable()
      .describe('工单解决后给出。 Set when resolved.'),
    rejection: z
      .object({
        reason: z
          .enum(REJECT_REASONS)
          .describe(
            '驳回原因：typo（输错）、not_guangdong（非广东证书）、no_such_certificate（无此证书）或 other（其他）。 typo, not_guangdong, no_such_certificate or other.',
          ),
        correctNumber: z.string().nullable().describe('正确的证号（输错时）。 The right number (typo).'),
        note: z.string().nullable().describe('技术人员的说明。 The technician’s explanation.'),
        by: z.string().describe('审计记录中的操作者标识。 Audit actor.'),
        name: z.string().describe('技术人员姓名。 The technician’s name.'),
        at: Timestamp.describe('驳回时间。 When rejected.'),
      })
      .nullable()
      .describe('工单被驳回后给出。 Set when rejected.'),
    href: z.string().describe('按工单凭据给出的本工单网址。 This ticket’s URL, by its ref.'),
  })
  .meta({ id: 'TicketSummary' });

export const attachmentSchema = z
  .object({
    id: z.number().int().describe('附件编号。 Attachment id.'),
    sha256: z.string().describe('文件的 SHA-256（十六进制）。 SHA-256 of the file, hex.'),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']).describe('文件类型，根据内容识别。 Recognised from the content.'),
    sizeBytes: z.number().int().describe('大小（字节，最多 20 MB）。 Size in bytes (at most 20 MB).'),
    fileName: z.string().describe('上传时的文件名（仅供显示）。 The name it was uploaded with (display only).'),
    uploadedBy: z.string().describe('上传者在审计记录中的操作者标识。 Audit actor of the uploader.'),
    uploadedByName: z.string().nullable().describe('上传者的密钥名称。 The uploader’s key name.'),
    uploadedAt: Timestamp.describe('上传时间。 When uploaded.'),
    href: z.string().describe('下载地址（技术人员可用）。 Download URL (technicians).'),
  })
  .meta({ id: 'TicketAttachment' });

export const ticketDetailSchema = ticketSummarySchema
  .extend({
    requesters: z
      .array(
        z.object({
          organisation: z
            .string()
            .describe('查询方：API 密钥所属单位；没有密钥时为 ip:<address>。 The API key’s organisation, or ip:<address> without a key.'),
          contact: z.string().nullable().describe('查询方留下的联系方式。 Contact the requester left.'),
          callbackUrl: z.string().nullable().describe('工单状态变化时收到通知的回调地址。 URL told of state changes.'),
          requestCount: z.number().int().describe('该单位的查询次数。 Lookups by this organisation.'),
          firstSeenAt: Timestamp.describe('该单位的首次查询时间。 Its first lookup.'),
          lastSeenAt: Timestamp.describe('该单位最近一次查询时间。 Its latest lookup.'),
        }),
      )
      .optional()
      .describe('提出查询的单位（仅技术人员可见）。 Who asked (technicians only).'),
    lookupsByDay: z
      .array(
        z.object({
          day: z.string().describe('日期（上海时间）。 Day in Asia/Shanghai.'),
          count: z.number().int().describe('当天的查询次数。 Lookups that day.'),
        }),
      )
      .optional()
      .describe('按日统计的查询次数（仅技术人员可见）。 Lookups over time (technicians only).'),
    attachments: z.array(attachmentSchema).optional().describe('证明材料（仅技术人员可见）。 Evidence (technicians only).'),
  })
  .meta({ id: 'Ticket' });

export const queueQuerySchema = z.strictObject({
  status: Status.optional().describe('只看此状态的工单。 Only tickets in this state; all states when absent.'),
  sort: z
    .enum(['demand', 'age'])
    .default('demand')
    .describe('排序：按查询次数或等待时间。 demand: most lookups first; age: longest waiting first.'),
  cursor: z.string().max(500).optional().describe('翻页游标：上一页返回的值。 The previous page’s nextCursor.'),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('每页工单数。 Tickets per page (1–100).'),
});

export const queuePageSchema = z
  .object({
    tickets: z.array(ticketSummarySchema).describe('本页内容。 This page.'),
    total: z
      .number()
      .int()
      .nullable()
      .describe(
        '符合筛选条件的工单数，仅在第一页（无游标）给出；之后各页为 null。 Tickets matching the filter, on the first page (no cursor); null on later pages.',
      ),
    nextCursor: z
      .string()
      .nullable()
      .describe('作为 `cursor` 传入以取下一页；最后一页为 null。 Pass as `cursor` for the next page; null on the last.'),
  })
  .meta({ id: 'TicketQueuePage' });

const Text = (max: number, description: string) => z.string().trim().max(max).nullish().describe(description);

export const resolveBodySchema = z
  .strictObject({
    number: CertificateNumberInput.describe(
      '证书上印的证号原文；须与工单的证号一致。 The number as printed on the certificate; must be the ticket’s number.',
    ),
    documentType: z
      .enum(['registration', 'renewal', 'change', 'filing', 'filing_change'])
      .optional()
      .describe('数据所依据的文件类型；未给出时根据证号推断。 Which document the data comes from; inferred from the number when absent.'),
    productName: z.string().trim().min(1).max(2000).describe('产品名称'),
    holder: Text(500, '注册人/备案人名称'),
    approvalDate: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .describe('批准日期/备案日期（如 2023-05-01、2023/5/1、2023年5月1日）。 批准日期/备案日期 (2023-05-01, 2023/5/1, 2023年5月1日 …).'),
    effectiveDate: Text(
      40,
      '生效日期，按 2022 年起证书上所印填写；更早的证书留空。 生效日期, as printed on certificates from 2022; leave empty for older ones.',
    ),
    expiryDate: Text(40, '有效期至；注册证必填，备案凭证留空。 有效期至; required for registrations, empty for filings.'),
    modelSpec: Text(20_000, '型号规格'),
    structure: Text(20_000, '结构及组成 / 主要组成成分'),
    scope: Text(20_000, '适用范围 / 预期用途'),
    holderAddress: Text(2000, '注册人住所'),
    productionAddress: Text(2000, '生产地址'),
    agentName: Text(500, '代理人名称'),
    agentAddress: Text(2000, '代理人住所'),
    approvalDepartment: Text(200, '审批部门 / 备案单位'),
    changeDescription: Text(20_000, '变更情况'),
    remarks: Text(20_000, '备注'),
  })
  .describe('技术人员从证明材料中读出的证书数据。 The certificate’s data as the technician reads it from the evidence.');

export const rejectBodySchema = z
  .discriminatedUnion('reason', [
    z.strictObject({
      reason: z.literal('typo').describe('查询方输错了证号。 The requester mistyped the number.'),
      correctNumber: CertificateNumberInput.min(1).describe('正确的证号。 The right number.'),
      note: z.string().trim().max(2000).optional().describe('说明。 Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('not_guangdong').describe('不是广东的证书。 Not a Guangdong certificate.'),
      correctNumber: CertificateNumberInput.optional().describe('正确的证号（已知时）。 The right number, if known.'),
      note: z.string().trim().max(2000).optional().describe('说明。 Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('no_such_certificate').describe('从未发过此证书。 No such certificate was ever issued.'),
      note: z.string().trim().max(2000).optional().describe('说明。 Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('other').describe('其他原因，在 note 中说明。 Any other reason, explained in the note.'),
      note: z.string().trim().min(1).max(2000).describe('说明（必填）。 Explanation (required).'),
    }),
  ])
  .describe('驳回工单的原因。 Why the ticket is rejected.');

export const deliverySchema = z
  .object({
    id: z.number().int().describe('投递编号（X-Certref-Delivery）。 Delivery id (X-Certref-Delivery).'),
    url: z.string().describe('回调地址。 Callback URL.'),
    event: z
      .string()
      .describe(
        '事件：ticket.claimed（认领）、ticket.released（释放）、ticket.resolved（解决）、ticket.rejected（驳回）。 ticket.claimed, ticket.released, ticket.resolved, ticket.rejected.',
      ),
    status: z
      .enum(['pending', 'delivered', 'failed', 'skipped'])
      .describe(
        '投递状态：pending（将重试）、delivered（已送达）、failed（已放弃）、skipped（未配置密钥）。 pending (will retry), delivered, failed (gave up), skipped (no secret configured).',
      ),
    attempts: z.number().int().describe('已尝试的次数。 Attempts so far.'),
    nextAttemptAt: Timestamp.nullable().describe('下次重试时间。 Next retry.'),
    lastAttemptAt: Timestamp.nullable().describe('最近一次尝试时间。 Latest attempt.'),
    lastStatusCode: z.number().int().nullable().describe('最近一次尝试的 HTTP 状态码。 HTTP status of the latest attempt.'),
    lastError: z.string().nullable().describe('最近一次尝试失败的原因。 Why the latest attempt failed.'),
    createdAt: Timestamp.describe('变更发生的时间。 When the change happened.'),
    deliveredAt: Timestamp.nullable().describe('送达时间。 When delivered.'),
  })
  .meta({ id: 'CallbackDelivery' });
