import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counter, fileColumns, id, ownedBy, runColumns } from '../db/columns.ts';
import { tickets } from '../tickets/tickets.table.ts';

/**
 * Every pre-check of a reporting template, with its counts. The checked rows themselves are not
 * kept: they are in the corrected file the caller took away. What is kept is what others may ask
 * about later: who checked which file, and the tickets it opened or joined.
 */
export const prechecks = sqliteTable('prechecks', {
  id: id(),
  /** 128 random bits in hex: the pre-check's name in answers (ids can be counted, refs cannot). */
  ref: text('ref').notNull().unique(),
  ...fileColumns(),
  format: text('format').notNull(),
  /** Whom the tickets it opened are counted against: a key, the admin token, the CLI or a client address. */
  actor: text('actor').notNull(),
  ...runColumns(),
  totalRows: counter('total_rows'),
  passedRows: counter('passed_rows'),
  correctedRows: counter('corrected_rows'),
  notReportableRows: counter('not_reportable_rows'),
  notListedRows: counter('not_listed_rows'),
});

/** The tickets one pre-check opened or joined, once each, with the first row that asked. */
export const precheckTickets = sqliteTable(
  'precheck_tickets',
  {
    precheckId: ownedBy('precheck_id', () => prechecks.id),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    /** Whether this pre-check opened the ticket (1) or joined one already open (0). */
    opened: integer('opened', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.precheckId, t.ticketId] }), index('precheck_tickets_ticket_idx').on(t.ticketId)],
);
