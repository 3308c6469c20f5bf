import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deliveryColumns, id } from '../../db/columns.ts';

/**
 * The outbox and delivery log of ticket callbacks: a row is written in the transaction that
 * changes the ticket and delivered after commit, retried with backoff until it succeeds or gives up.
 */
export const callbackDeliveries = sqliteTable(
  'callback_deliveries',
  {
    id: id(),
    ticketId: integer('ticket_id').notNull(),
    url: text('url').notNull(),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    ...deliveryColumns(),
  },
  (t) => [index('callback_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('callback_deliveries_ticket_idx').on(t.ticketId)],
);
