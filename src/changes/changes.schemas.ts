import { z } from 'zod';

export const changeRecordSchema = z
  .object({
    id: z.number().int().describe('Entry id; increases with time.'),
    at: z.string().describe('When the change was made (ISO timestamp).'),
    actor: z.string().describe('Who made it: key:<id>, admin-token, import:<run>, requester:<organisation> …'),
    entity: z.string().describe('What changed: certificate, ticket, api_key.'),
    entityId: z.string().describe('Its id: a canonical number, a ticket id, a key id.'),
    action: z.string().describe('What happened: created, versions_added, summary_refreshed, opened, claimed, resolved …'),
    before: z.unknown().describe('The state before the change (null when created).'),
    after: z.unknown().describe('The state after the change.'),
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
    changes: z.array(changeRecordSchema).describe('Changes in the order they were made, oldest first.'),
    nextCursor: z
      .string()
      .describe('Pass as `since` to get the changes after these. Always present: poll with it to get what happens next.'),
    hasMore: z.boolean().describe('True when more changes are waiting: ask again at once rather than after the polling interval.'),
  })
  .meta({ id: 'ChangesPage' });
