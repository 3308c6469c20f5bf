// The drizzle schema object: every table, so queries and the migrator see one database.
export * from '../certificates/certificates.table.ts';
export * from '../ingest/import-runs.table.ts';
export * from '../audit/change-log.table.ts';
export * from '../udi/udi.table.ts';
export * from '../jobs/job-runs.table.ts';
export * from '../sources/source-pages.table.ts';
export * from '../auth/api-keys.table.ts';
export * from '../corrections/tickets.table.ts';
export * from '../corrections/callback-deliveries.table.ts';
export * from './service-state.table.ts';
