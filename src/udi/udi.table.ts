import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { counter, fileColumns, id, runColumns } from '../db/columns.ts';

/**
 * One row per UDI device record (one DI), as last published: incremental files replace a row
 * when they carry a newer version of the same deviceRecordKey. Certificates get only names from
 * here (as `record` versions); the DIs and catalogue codes live in this table.
 */
export const udiDevices = sqliteTable(
  'udi_devices',
  {
    recordKey: text('record_key').primaryKey(),
    di: text('di').notNull(),
    versionNumber: integer('version_number').notNull().default(0),
    versionTime: text('version_time'),
    versionStatus: text('version_status'),
    numbersText: text('numbers_text'),
    productName: text('product_name'),
    tradeName: text('trade_name'),
    modelSpec: text('model_spec'),
    holder: text('holder'),
    creditCode: text('credit_code'),
    deviceKind: text('device_kind'),
    productCategory: text('product_category'),
    catalogueCode: text('catalogue_code'),
    oldCatalogueCode: text('old_catalogue_code'),
    withdrawnOn: text('withdrawn_on'),
    sourceFile: text('source_file').notNull(),
    udiRunId: integer('udi_run_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('udi_devices_di_idx').on(t.di)],
);

/** Which certificates a device record names: zczbhhzbapzbh may hold several numbers. */
export const udiDeviceCertificates = sqliteTable(
  'udi_device_certificates',
  {
    recordKey: text('record_key')
      .notNull()
      .references(() => udiDevices.recordKey, { onDelete: 'cascade' }),
    matchKey: text('match_key').notNull(),
    canonical: text('canonical').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordKey, t.matchKey] }), index('udi_device_certificates_match_idx').on(t.matchKey)],
);

/** Every UDI file import, whatever its outcome: what was read, what changed, what was refused. */
export const udiRuns = sqliteTable(
  'udi_runs',
  {
    id: id(),
    ...fileColumns(),
    sizeBytes: integer('size_bytes').notNull(),
    trigger: text('trigger').notNull(),
    ...runColumns(),
    declaredDevices: integer('declared_devices'),
    devicesRead: counter('devices_read'),
    devicesAdded: counter('devices_added'),
    devicesUpdated: counter('devices_updated'),
    devicesUnchanged: counter('devices_unchanged'),
    devicesStale: counter('devices_stale'),
    devicesRejected: counter('devices_rejected'),
    versionsAdded: counter('versions_added'),
    certificatesCreated: counter('certificates_created'),
    /** Text repairs (control characters dropped, bare `&` escaped) and the first rejections, as JSON. */
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('udi_runs_sha256_idx').on(t.sha256)],
);
