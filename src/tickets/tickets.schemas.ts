import { z } from 'zod';
import { CertificateNumberInput } from '../numbers/numbers.schemas.ts';
import { REJECT_REASONS, RESOLUTIONS, TICKET_STATUSES } from './ticket-state.ts';

const Timestamp = z.string().describe('ISO timestamp.');
const Status = z.enum(TICKET_STATUSES).describe('open → claimed → resolved | rejected.');

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
    canonical: z.string().describe('The missing certificate number, canonical.'),
    status: Status,
    requestCount: z.number().int().describe('Lookups of this number while the ticket was open.'),
    requesterCount: z.number().int().describe('Distinct requesting organisations.'),
    firstSeenAt: Timestamp.describe('First lookup.'),
    lastSeenAt: Timestamp.describe('Latest lookup.'),
    claim: z
      .object({
        by: z.string().describe('Audit actor of the technician.'),
        name: z.string().describe('The technician’s name.'),
        at: Timestamp.describe('When claimed.'),
        expiresAt: Timestamp.describe('When the claim lapses unless renewed (CLAIM_TIMEOUT_MINUTES).'),
      })
      .nullable()
      .describe('Who is working on it; null unless claimed.'),
    resolution: z
      .object({
        kind: z.enum(RESOLUTIONS).describe('corrected: a technician entered the data; data_arrived: an import or other source brought it.'),
        by: z.string().describe('Audit actor.'),
        name: z.string().describe('Technician or source name.'),
        at: Timestamp.describe('When resolved.'),
        versionId: z.number().int().nullable().describe('The certificate version that resolved it.'),
        certificateHref: z.string().describe('Where the certificate is now found.'),
      })
      .nullable()
      .describe('Set when resolved.'),
    rejection: z
      .object({
        reason: z.enum(REJECT_REASONS).describe('typo, not_guangdong, no_such_certificate or other.'),
        correctNumber: z.string().nullable().describe('The right number (typo).'),
        note: z.string().nullable().describe('The technician’s explanation.'),
        by: z.string().describe('Audit actor.'),
        name: z.string().describe('The technician’s name.'),
        at: Timestamp.describe('When rejected.'),
      })
      .nullable()
      .describe('Set when rejected.'),
    href: z.string().describe('This ticket’s URL, by its ref.'),
  })
  .meta({ id: 'TicketSummary' });

export const attachmentSchema = z
  .object({
    id: z.number().int().describe('附件编号。 Attachment id.'),
    sha256: z.string().describe('SHA-256 of the file, hex.'),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']).describe('Recognised from the content.'),
    sizeBytes: z.number().int().describe('Size in bytes (at most 20 MB).'),
    fileName: z.string().describe('The name it was uploaded with (display only).'),
    uploadedBy: z.string().describe('Audit actor of the uploader.'),
    uploadedByName: z.string().nullable().describe('The uploader’s key name.'),
    uploadedAt: Timestamp.describe('When uploaded.'),
    href: z.string().describe('Download URL (technicians).'),
  })
  .meta({ id: 'TicketAttachment' });

export const ticketDetailSchema = ticketSummarySchema
  .extend({
    requesters: z
      .array(
        z.object({
          organisation: z.string().describe('The API key’s organisation, or ip:<address> without a key.'),
          contact: z.string().nullable().describe('Contact the requester left.'),
          callbackUrl: z.string().nullable().describe('URL told of state changes.'),
          requestCount: z.number().int().describe('Lookups by this organisation.'),
          firstSeenAt: Timestamp.describe('Its first lookup.'),
          lastSeenAt: Timestamp.describe('Its latest lookup.'),
        }),
      )
      .optional()
      .describe('Who asked (technicians only).'),
    lookupsByDay: z
      .array(z.object({ day: z.string().describe('Day in Asia/Shanghai.'), count: z.number().int().describe('Lookups that day.') }))
      .optional()
      .describe('Lookups over time (technicians only).'),
    attachments: z.array(attachmentSchema).optional().describe('Evidence (technicians only).'),
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
    tickets: z.array(ticketSummarySchema).describe('This page.'),
    total: z.number().int().nullable().describe('Tickets matching the filter, on the first page (no cursor); null on later pages.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last.'),
  })
  .meta({ id: 'TicketQueuePage' });

const Text = (max: number, description: string) => z.string().trim().max(max).nullish().describe(description);

export const resolveBodySchema = z
  .strictObject({
    number: CertificateNumberInput.describe('The number as printed on the certificate; must be the ticket’s number.'),
    documentType: z
      .enum(['registration', 'renewal', 'change', 'filing', 'filing_change'])
      .optional()
      .describe('Which document the data comes from; inferred from the number when absent.'),
    productName: z.string().trim().min(1).max(2000).describe('产品名称'),
    holder: Text(500, '注册人/备案人名称'),
    approvalDate: z.string().trim().min(1).max(40).describe('批准日期/备案日期 (2023-05-01, 2023/5/1, 2023年5月1日 …).'),
    effectiveDate: Text(40, '生效日期, as printed on certificates from 2022; leave empty for older ones.'),
    expiryDate: Text(40, '有效期至; required for registrations, empty for filings.'),
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
  .describe('The certificate’s data as the technician reads it from the evidence.');

export const rejectBodySchema = z
  .discriminatedUnion('reason', [
    z.strictObject({
      reason: z.literal('typo').describe('The requester mistyped the number.'),
      correctNumber: CertificateNumberInput.min(1).describe('The right number.'),
      note: z.string().trim().max(2000).optional().describe('Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('not_guangdong').describe('Not a Guangdong certificate.'),
      correctNumber: CertificateNumberInput.optional().describe('The right number, if known.'),
      note: z.string().trim().max(2000).optional().describe('Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('no_such_certificate').describe('No such certificate was ever issued.'),
      note: z.string().trim().max(2000).optional().describe('Explanation.'),
    }),
    z.strictObject({
      reason: z.literal('other').describe('Any other reason, explained in the note.'),
      note: z.string().trim().min(1).max(2000).describe('Explanation (required).'),
    }),
  ])
  .describe('Why the ticket is rejected.');

export const deliverySchema = z
  .object({
    id: z.number().int().describe('Delivery id (X-Certref-Delivery).'),
    url: z.string().describe('Callback URL.'),
    event: z.string().describe('ticket.claimed, ticket.released, ticket.resolved, ticket.rejected.'),
    status: z
      .enum(['pending', 'delivered', 'failed', 'skipped'])
      .describe('pending (will retry), delivered, failed (gave up), skipped (no secret configured).'),
    attempts: z.number().int().describe('Attempts so far.'),
    nextAttemptAt: Timestamp.nullable().describe('Next retry.'),
    lastAttemptAt: Timestamp.nullable().describe('Latest attempt.'),
    lastStatusCode: z.number().int().nullable().describe('HTTP status of the latest attempt.'),
    lastError: z.string().nullable().describe('Why the latest attempt failed.'),
    createdAt: Timestamp.describe('When the change happened.'),
    deliveredAt: Timestamp.nullable().describe('When delivered.'),
  })
  .meta({ id: 'CallbackDelivery' });
