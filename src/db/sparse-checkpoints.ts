import type Database from 'better-sqlite3';

/** 256 MB of 4 KB pages between checkpoints, against SQLite's 1,000 (4 MB). */
export const BULK_CHECKPOINT_PAGES = 65_536;

const active = new WeakMap<Database.Database, { depth: number; previous: number }>();

/**
 * Runs a long series of write transactions (an import) with the WAL checkpointed every `pages`
 * pages instead of every 1,000. Pages that batch after batch rewrite (index interiors, the search
 * index's segments) are then copied into the database once per checkpoint instead of once per
 * commit: 3 s of a 1,000,000-row import from the CLI. Imports may overlap on one connection, so the usual
 * interval comes back when the last one ends, and the WAL is checkpointed then, so the next writer
 * does not pay for the import's last stretch.
 */
export async function withSparseCheckpoints<T>(
  sqlite: Database.Database,
  run: () => Promise<T>,
  pages = BULK_CHECKPOINT_PAGES,
): Promise<T> {
  const state = active.get(sqlite) ?? { depth: 0, previous: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number };
  if (state.depth === 0) sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  state.depth++;
  active.set(sqlite, state);
  try {
    return await run();
  } finally {
    if (--state.depth === 0) {
      active.delete(sqlite);
      sqlite.pragma(`wal_autocheckpoint = ${state.previous}`);
      // PASSIVE: never waits for readers; what they still hold is copied by a later checkpoint.
      if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}
