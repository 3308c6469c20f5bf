import { z } from 'zod';
import { changeRecordSchema } from '../changes/changes.schemas.ts';

const IsoTimestamp = z.iso.datetime({ offset: true });

export const auditQuerySchema = z.strictObject({
  entity: z.string().max(50).optional().describe('Only this kind of entity: certificate, ticket, api_key.'),
  entityId: z.string().max(200).optional().describe('Only this entity (needs `entity` to be meaningful).'),
  actor: z.string().max(200).optional().describe('Only changes by this actor.'),
  action: z.string().max(50).optional().describe('Only this action.'),
  since: IsoTimestamp.optional().describe('From this time (inclusive).'),
  until: IsoTimestamp.optional().describe('Before this time (exclusive).'),
  cursor: z.string().max(500).optional().describe('The previous page’s nextCursor (opaque).'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Entries per page (1–500).'),
});

export const auditPageSchema = z
  .object({
    entries: z.array(changeRecordSchema).describe('Changes, newest first.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null at the end.'),
  })
  .meta({ id: 'AuditPage' });
