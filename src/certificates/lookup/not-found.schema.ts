import { z } from 'zod';
import { bilingualTextSchema, problemSchema } from '../../shared/problem.ts';

const Text = bilingualTextSchema.describe('原因，中英文各一。 Why, in Chinese and English.');

/** The ticket a miss of a Guangdong number opened or joined, as the correction queue reports it. */
export const missTicketSchema = z
  .object({
    id: z
      .number()
      .int()
      .describe(
        '工单编号：技术人员和提出查询的单位的密钥凭此查看工单。 Ticket id: technicians, and keys of an organisation that asked, read the ticket by it.',
      ),
    ref: z
      .string()
      .describe(
        '不可猜测的工单凭据：持有者无论有无密钥都可在 `href` 查看工单。 Unguessable reference: anyone holding it reads the ticket at `href`, with or without a key.',
      ),
    status: z
      .string()
      .describe(
        '工单状态：open（待处理）、claimed（已认领）、resolved（已解决）或 rejected（已驳回）。 open, claimed, resolved or rejected.',
      ),
    requestCount: z
      .number()
      .int()
      .describe('工单开启期间该证号被查询的次数，含本次。 Lookups of this number while the ticket was open, this one included.'),
    href: z.string().describe('查看工单状态的地址：`/v1/tickets/{ref}`。 Where the ticket’s state is read: `/v1/tickets/{ref}`.'),
    opened: z.boolean().describe('本次查询开出了该工单时为 true。 True when this lookup opened the ticket.'),
    rejection: z
      .object({
        reason: z
          .string()
          .describe(
            '驳回原因 typo（输错）或 not_guangdong（非广东证书）：对该证号仍然有效的驳回。 typo or not_guangdong: a rejection that still answers for this number.',
          ),
        correctNumber: z.string().nullable().describe('正确的证号（已知时）。 The right number, when known.'),
      })
      .optional()
      .describe('证号被永久驳回时给出。 Set when the number was rejected for good.'),
  })
  .meta({ id: 'MissTicket' });

export const ticketRefusedSchema = z
  .object({
    code: z
      .enum(['ticket_quota_exceeded'])
      .describe(
        '拒绝代码 ticket_quota_exceeded：该密钥或地址本小时可开的新工单已用完。 ticket_quota_exceeded: this key or address opened its new tickets for the hour.',
      ),
    message: Text,
    perHour: z.number().int().describe('该密钥或地址每小时可开的新工单数。 New tickets this key or address may open in any hour.'),
  })
  .describe(
    '未开工单的原因（此时 ticket 为 null）：查询照常回答。 Why no ticket was opened (ticket is null): the lookup answers all the same.',
  );

export const callbackUrlRefusedSchema = z
  .object({
    code: z
      .enum(['callback_scheme_refused', 'callback_address_refused'])
      .describe('未保存回调地址的原因。 Why the callback URL was not kept.'),
    message: Text,
  })
  .describe('所给的回调地址未被保存；查询照常回答。 The callback URL given was not kept; the lookup answers all the same.');

/** What the correction queue adds to the not-found answer of a Guangdong number. */
export const missFieldsSchema = {
  ticket: missTicketSchema
    .nullable()
    .optional()
    .describe(
      '广东证号：开出或并入的工单；无法开工单时为 null（见 ticketRefused）。 Guangdong numbers: the ticket opened or joined; null when none could be opened (see ticketRefused).',
    ),
  ticketRefused: ticketRefusedSchema.optional(),
  callbackUrlRefused: callbackUrlRefusedSchema.optional(),
};

/** The 404 of a lookup: a well-formed number the index does not hold. */
export const certificateNotFoundSchema = problemSchema
  .extend({
    canonical: z.string().describe('所查证号的规范号码。 The number looked up, canonical.'),
    manualEntryAllowed: z
      .boolean()
      .describe('非广东证号时为 true：生产企业可以手工填写数据。 True outside Guangdong: the manufacturer may enter the data by hand.'),
    probableMatch: z
      .string()
      .optional()
      .describe('已存证书中，该证号很可能是其重新编码的那一张。 A stored certificate this number is probably a re-coding of.'),
    replacedBy: z.array(z.string()).optional().describe('取代本证号的新证号。 Numbers that replaced this one.'),
    ...missFieldsSchema,
  })
  .loose()
  .meta({ id: 'CertificateNotFound' });
