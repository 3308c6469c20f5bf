import { z } from 'zod';

export const changeRecordSchema = z
  .object({
    id: z.number().int().describe('记录编号，随时间递增。 Entry id; increases with time.'),
    at: z.string().describe('变更发生的时间（ISO 时间戳）。 When the change was made (ISO timestamp).'),
    actor: z
      .string()
      .describe(
        '由谁做出：key:<id>、admin-token、import:<run>、requester:<organisation> 等。 Who made it: key:<id>, admin-token, import:<run>, requester:<organisation> …',
      ),
    entity: z
      .string()
      .describe('变更的对象：certificate（证书）、ticket（工单）、api_key（API 密钥）。 What changed: certificate, ticket, api_key.'),
    entityId: z.string().describe('对象的标识：规范号码、工单编号或密钥编号。 Its id: a canonical number, a ticket id, a key id.'),
    action: z
      .string()
      .describe(
        '发生的操作：created、versions_added、summary_refreshed、opened、claimed、resolved 等。 What happened: created, versions_added, summary_refreshed, opened, claimed, resolved …',
      ),
    before: z.unknown().describe('变更前的状态（新建时为 null）。 The state before the change (null when created).'),
    after: z.unknown().describe('变更后的状态。 The state after the change.'),
  })
  .meta({ id: 'ChangeRecord' });

export const changesQuerySchema = z.strictObject({
  since: z
    .string()
    .max(200)
    .optional()
    .describe('翻页游标：上一页返回的值。 The nextCursor of the previous page (opaque). Omit to read from the first change ever recorded.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('每页变更条数。 Changes per page (1–1000).'),
  entity: z.string().max(50).optional().describe('只看这类对象的变更。 Only changes to this kind of entity: certificate, ticket, api_key.'),
});

export const changesPageSchema = z
  .object({
    changes: z.array(changeRecordSchema).describe('变更记录，按发生顺序，最早的在前。 Changes in the order they were made, oldest first.'),
    nextCursor: z
      .string()
      .describe(
        '作为 `since` 传入以取此后的变更。始终存在：用它轮询后续变更。 Pass as `since` to get the changes after these. Always present: poll with it to get what happens next.',
      ),
    hasMore: z
      .boolean()
      .describe(
        '还有更多变更待取时为 true：应立即再次请求，不必等轮询间隔。 True when more changes are waiting: ask again at once rather than after the polling interval.',
      ),
  })
  .meta({ id: 'ChangesPage' });
