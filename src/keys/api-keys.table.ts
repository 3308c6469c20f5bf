import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id } from '../db/columns.ts';

/** API keys: only the SHA-256 of the secret is stored; the key itself is shown once at creation. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    role: text('role').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so a person can tell keys apart in a list. */
    prefix: text('prefix').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_role_idx').on(t.role)],
);
