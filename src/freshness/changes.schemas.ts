import { z } from 'zod';
import { changeRecordSchema } from '../auth/audit.schemas.ts';

export const changesQuerySchema = z.strictObject({
  since: z
    .string()
    .max(200)
    .optional()
    .describe('The nextCursor of the previous page (opaque). Omit to read from the first change ever recorded.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Changes per page (1–1000).'),
  entity: z.string().max(50).optional().describe('Only changes to this kind of entity: certificate, ticket, api_key.'),
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
