import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Column shapes several tables share, so each is said once. They build the same columns drizzle
 * would from the long form: the generated schema (and so the migrations) does not change.
 */

/** A rowid key SQLite never reuses, so an id can serve as a cursor and a reference. */
export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** A tally that starts at nothing and only counts up. */
export const counter = (name: string) => integer(name).notNull().default(0);

/** An ISO-8601 UTC instant that SQLite fills in when the insert leaves it out. */
export const stampedNow = (name: string) => text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** A row's owner: deleting the owner deletes the row. */
export const ownedBy = (name: string, owner: () => AnySQLiteColumn) => integer(name).notNull().references(owner, { onDelete: 'cascade' });

/** The file a run read: its name as given, and the SHA-256 that tells a file read before. */
export const fileColumns = () => ({
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
});

/** How a run of an import or a job went: when it started and ended, and why it failed if it did. */
export const runColumns = () => ({
  status: text('status').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  error: text('error'),
});

/**
 * How a webhook delivery went: `pending` until sent, `delivered`, `failed` (gave up after retries)
 * or `skipped` (nothing to send it with, or no one left to send it to); its attempts and the last
 * answer, for the delivery log.
 */
export const deliveryColumns = () => ({
  status: text('status').notNull(),
  attempts: counter('attempts'),
  nextAttemptAt: text('next_attempt_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: text('created_at').notNull(),
  deliveredAt: text('delivered_at'),
});
