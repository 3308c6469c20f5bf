import { z } from 'zod';
import { cursorCodec } from '../shared/cursor.ts';

/** The audit trail pages newest first: a cursor holds the id the next page must be older than. */
export const auditCursor = cursorCodec('audit', z.object({ before: z.int().positive() }));
