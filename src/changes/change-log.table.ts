import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id } from '../db/columns.ts';

/**
 * Append-only record of every change to certificates, tickets and keys: who, when, before and
 * after. Its id is the change feed's cursor, so rows are never updated or deleted.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: id(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('change_log_entity_idx').on(t.entity, t.entityId)],
);
