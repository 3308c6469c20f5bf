import { integer, sqliteTable, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, stampedNow } from '../db/columns.ts';

/**
 * One row per certificate in the embedded full-text index, with the facet code its FTS row id
 * was built from (`doc-code.ts`). The FTS table is contentless, so this is how the index finds a
 * certificate's old row when the certificate changes.
 */
export const searchDocs = sqliteTable('search_docs', {
  certificateId: integer('certificate_id').primaryKey(),
  code: integer('code').notNull(),
});

/**
 * Certificates whose search document must be sent to Meilisearch. Written in the same
 * transaction as the certificate; drained by a job (`drainSearchOutbox`), never by a request.
 */
export const searchOutbox = sqliteTable('search_outbox', {
  id: id(),
  certificateId: integer('certificate_id').notNull(),
  createdAt: stampedNow('created_at'),
});

/**
 * Certificates a bulk import changed whose embedded index rows are not written yet: the import
 * records them in its own transactions instead of indexing (`certificate-writer.ts` context `bulk`),
 * and `search-catch-up.ts` indexes them in large batches afterwards, or at the next start after a
 * crash. One row per certificate; `created_at` of the oldest row is how far search lags.
 */
export const searchOwed = sqliteTable(
  'search_owed',
  {
    id: id(),
    certificateId: integer('certificate_id').notNull(),
    createdAt: stampedNow('created_at'),
  },
  (table) => [uniqueIndex('search_owed_certificate_unique').on(table.certificateId)],
);
