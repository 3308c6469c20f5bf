import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every import of a file, whatever its outcome, with the counts its report shows. */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    totalRows: integer('total_rows').notNull().default(0),
    versionsAdded: integer('versions_added').notNull().default(0),
    unchangedRows: integer('unchanged_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    certificatesCreated: integer('certificates_created').notNull().default(0),
    error: text('error'),
    /** Template instruction rows and repeated headers: neither data nor rejected. */
    hintRowsSkipped: integer('hint_rows_skipped').notNull().default(0),
    /** Rows stored with a value dropped (e.g. an expiry on a filing). */
    warningRows: integer('warning_rows').notNull().default(0),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    importRunId: integer('import_run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
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
