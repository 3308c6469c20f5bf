import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counter, id } from '../../db/columns.ts';

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
    /** `pending`, `delivered`, `failed` (gave up) or `skipped` (no CALLBACK_SECRET configured). */
    status: text('status').notNull(),
    attempts: counter('attempts'),
    nextAttemptAt: text('next_attempt_at'),
    lastAttemptAt: text('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (t) => [index('callback_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('callback_deliveries_ticket_idx').on(t.ticketId)],
);
