import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counter } from '../db/columns.ts';

/**
 * The last fetch of each page of each HTML source: the validators for the next conditional
 * request (ETag, Last-Modified) and what came of it, so a page that stopped parsing is on record.
 */
export const sourcePages = sqliteTable(
  'source_pages',
  {
    source: text('source').notNull(),
    url: text('url').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** imported, not_modified, empty, layout_changed, http_error, network_error. */
    outcome: text('outcome').notNull(),
    httpStatus: integer('http_status'),
    records: counter('records'),
    versionsAdded: counter('versions_added'),
    error: text('error'),
    fetchedAt: text('fetched_at').notNull(),
    /** When this page last parsed and imported cleanly. */
    lastSuccessAt: text('last_success_at'),
  },
  (t) => [primaryKey({ columns: [t.source, t.url] })],
);
