import { z } from 'zod';
import { subscriptionEventSchema } from './subscription-events.ts';

const listOf = (item: z.ZodString, max: number, zh: string, en: string) => z.array(item).min(1).max(max).optional().describe(`${zh} ${en}`);

export const createSubscriptionBodySchema = z
  .strictObject({
    numbers: listOf(
      z.string().trim().min(1).max(200),
      1000,
      '关注的证书编号（按证号引擎规范化，无效者拒绝）。',
      'Certificate numbers to watch, as typed: the number engine normalises them and refuses invalid ones with its diagnosis.',
    ),
    holders: listOf(
      z.string().trim().min(1).max(200),
      100,
      '关注的注册人/备案人名称（全角半角与空白不计）。',
      'Holders (注册人/备案人) to watch, compared as written on the certificate, width and spacing aside.',
    ),
    prefixes: listOf(
      z.string().trim().min(1).max(20),
      50,
      '关注的证号前缀，例如 粤械注准、国械注准、粤械备。',
      'Number prefixes to watch, such as 粤械注准, 国械注准 or 粤械备 (which also covers 粤穗械备 and the other cities).',
    ),
    events: z
      .array(subscriptionEventSchema)
      .min(1)
      .optional()
      .describe('要接收的事件；省略表示全部。 Events to receive; omit for all of them.'),
    expiringDays: z
      .array(z.int().min(1).max(730))
      .min(1)
      .max(10)
      .optional()
      .describe(
        '到期前多少天发出 certificate.expiring，默认 180、90、30。 Days before expiry at which certificate.expiring is sent (default 180, 90, 30).',
      ),
    callbackUrl: z
      .string()
      .trim()
      .max(2000)
      .describe('接收通知的 http(s) 地址，与工单回调同样检查。 The http(s) URL notices are POSTed to; checked like ticket callback URLs.'),
  })
  .describe(
    '订阅：关注哪些证书、哪些事件、发往何处。不填关注项表示全部证书。 What to watch, which events, and where to send them. No watch field: every certificate.',
  );

export const subscriptionSchema = z
  .object({
    id: z.number().int().describe('订阅编号。 Subscription id.'),
    organisation: z.string().describe('所属单位（创建它的密钥的单位）。 The organisation of the key that created it.'),
    numbers: z
      .array(z.string())
      .nullable()
      .describe('关注的证书编号（规范形式）。 Watched numbers, canonical; null when not watching by number.'),
    holders: z.array(z.string()).nullable().describe('关注的注册人。 Watched holders; null when not watching by holder.'),
    prefixes: z.array(z.string()).nullable().describe('关注的证号前缀。 Watched prefixes; null when not watching by prefix.'),
    events: z.array(subscriptionEventSchema).describe('接收的事件。 The events it receives.'),
    expiringDays: z
      .array(z.number().int())
      .describe('到期提醒（certificate.expiring）的提前天数。 Days before expiry at which certificate.expiring is sent.'),
    callbackUrl: z
      .string()
      .describe('接收地址（只显示协议、主机和端口）。 Where notices go: scheme, host and port only; the path is hidden.'),
    status: z
      .enum(['active', 'paused'])
      .describe('状态：active 正在投递；paused 因接收地址持续失败而暂停。 active, or paused after its endpoint kept failing.'),
    pausedAt: z.string().nullable().describe('暂停时间。 When it was paused, or null.'),
    pausedReason: z.string().nullable().describe('暂停原因。 Why it was paused, or null.'),
    createdAt: z.string().describe('创建时间。 When it was created (ISO timestamp).'),
    createdBy: z.string().describe('创建者（审计记录中的身份）。 Who created it (audit actor).'),
    deliveriesHref: z.string().describe('投递记录的地址。 Where its delivery log is.'),
  })
  .meta({ id: 'Subscription' });

export const createdSubscriptionSchema = subscriptionSchema
  .extend({
    secret: z
      .string()
      .describe(
        '为本订阅的通知签名的密钥，只在此返回一次。 The key that signs this subscription’s notices (X-Certref-Signature). Shown this once and never again.',
      ),
  })
  .meta({ id: 'CreatedSubscription' });

export const subscriptionListSchema = z
  .object({ subscriptions: z.array(subscriptionSchema).describe('订阅，最新的在前。 Subscriptions, newest first.') })
  .meta({ id: 'SubscriptionList' });

export const subscriptionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().describe('订阅编号。 Subscription id.'),
});

export const deliveriesQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional().describe('翻页游标：上一页返回的 nextCursor。 The nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('每页条数。 Deliveries per page (1–500).'),
});

export const deliverySchema = z
  .object({
    id: z.number().int().describe('投递编号（请求头 X-Certref-Delivery）。 Delivery id, as sent in X-Certref-Delivery.'),
    event: subscriptionEventSchema,
    changeId: z.number().int().describe('引发它的变更记录编号。 The change_log entry that raised it.'),
    entityKey: z.string().describe('证书编号或 ticket:<编号>。 The certificate number, or ticket:<id>.'),
    status: z
      .enum(['pending', 'delivered', 'failed', 'skipped'])
      .describe(
        '投递状态：pending 待发或重试中；delivered 已送达；failed 已放弃；skipped 订阅已删除。 pending, delivered, failed (gave up) or skipped.',
      ),
    attempts: z.number().int().describe('已尝试次数。 Attempts so far.'),
    nextAttemptAt: z.string().nullable().describe('下次尝试时间。 When the next attempt is due.'),
    lastAttemptAt: z.string().nullable().describe('上次尝试时间。 When it was last tried.'),
    lastStatusCode: z.number().int().nullable().describe('上次的 HTTP 状态码。 The last HTTP status.'),
    lastError: z.string().nullable().describe('上次的错误。 The last error.'),
    createdAt: z.string().describe('入队时间。 When it was queued.'),
    deliveredAt: z.string().nullable().describe('送达时间。 When it was delivered.'),
  })
  .meta({ id: 'SubscriptionDelivery' });

export const deliveriesPageSchema = z
  .object({
    deliveries: z.array(deliverySchema).describe('投递记录，最早的在前。 Deliveries, oldest first.'),
    nextCursor: z.string().nullable().describe('下一页的游标；没有更多时为 null。 Cursor of the next page; null when there is none.'),
  })
  .meta({ id: 'SubscriptionDeliveries' });

export type CreateSubscriptionBody = z.output<typeof createSubscriptionBodySchema>;
export type SubscriptionView = z.output<typeof subscriptionSchema>;
export type DeliveryView = z.output<typeof deliverySchema>;
