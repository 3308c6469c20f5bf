import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counter, fileColumns, id, ownedBy, runColumns } from '../db/columns.ts';

/** Every import of a file, whatever its outcome, with the counts its report shows. */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: id(),
    ...fileColumns(),
    format: text('format').notNull(),
    source: text('source').notNull(),
    ...runColumns(),
    totalRows: counter('total_rows'),
    versionsAdded: counter('versions_added'),
    unchangedRows: counter('unchanged_rows'),
    rejectedRows: counter('rejected_rows'),
    certificatesCreated: counter('certificates_created'),
    /** Template instruction rows and repeated headers: neither data nor rejected. */
    hintRowsSkipped: counter('hint_rows_skipped'),
    /** Rows stored with a value dropped (e.g. an expiry on a filing). */
    warningRows: counter('warning_rows'),
    errorCode: text('error_code'),
    encoding: text('encoding'),
    sizeBytes: integer('size_bytes'),
    /** Known once the file is read to the end; null for JSON Lines and for runs that stopped. */
    headerRow: integer('header_row'),
    /** JSON array of header texts that name no known field, so a later GET shows what POST showed. */
    ignoredColumns: text('ignored_columns'),
  },
  (t) => [index('import_runs_sha256_idx').on(t.sha256)],
);

export const importRejections = sqliteTable(
  'import_rejections',
  {
    id: id(),
    importRunId: ownedBy('import_run_id', () => importRuns.id),
    row: integer('row').notNull(),
    column: text('column'),
    reason: text('reason').notNull(),
    value: text('value'),
    /** `rejected` (the row was not stored) or `warning` (stored without the value named). */
    severity: text('severity').notNull().default('rejected'),
    messageZh: text('message_zh'),
    messageEn: text('message_en'),
  },
  (t) => [index('import_rejections_run_idx').on(t.importRunId)],
);
