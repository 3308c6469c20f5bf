import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { stampedNow } from './columns.ts';

/**
 * Small facts about the database as a whole, by key: what a process must compare at start with
 * what it runs (e.g. the rules the stored certificate summaries were computed under).
 */
export const serviceState = sqliteTable('service_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: stampedNow('updated_at'),
});
