import { z } from 'zod';
import { changeRecordSchema } from '../changes/changes.schemas.ts';

const IsoTimestamp = z.iso.datetime({ offset: true });

export const auditQuerySchema = z.strictObject({
  entity: z.string().max(50).optional().describe('只看这类对象。 Only this kind of entity: certificate, ticket, api_key.'),
  entityId: z
    .string()
    .max(200)
    .optional()
    .describe('只看这一个对象（需同时给出类型）。 Only this entity (needs `entity` to be meaningful).'),
  actor: z.string().max(200).optional().describe('只看此操作人的变更。 Only changes by this actor.'),
  action: z.string().max(50).optional().describe('只看此类操作。 Only this action.'),
  since: IsoTimestamp.optional().describe('起始时间（含）。 From this time (inclusive).'),
  until: IsoTimestamp.optional().describe('截止时间（不含）。 Before this time (exclusive).'),
  cursor: z.string().max(500).optional().describe('翻页游标：上一页返回的 nextCursor（不透明）。 The previous page’s nextCursor (opaque).'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('每页条数。 Entries per page (1–500).'),
});

export const auditPageSchema = z
  .object({
    entries: z.array(changeRecordSchema).describe('变更记录，最新的在前。 Changes, newest first.'),
    nextCursor: z
      .string()
      .nullable()
      .describe(
        '作为 `cursor` 传入以取下一页（更早的记录）；已到末尾时为 null。 Pass as `cursor` for the next (older) page; null at the end.',
      ),
  })
  .meta({ id: 'AuditPage' });
