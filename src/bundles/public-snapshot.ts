import Database from 'better-sqlite3';
import { PUBLIC_TABLES } from './bundles.schemas.ts';

export interface PublicSnapshot {
  /** The last change the copy includes: the change feed resumes after it. */
  changeLogId: number;
  counts: Record<string, number>;
  dataAsOf: string | null;
}

interface SchemaRow {
  type: 'table' | 'index';
  sql: string;
}

const NAMES = PUBLIC_TABLES.map((name) => `'${name}'`).join(', ');

/**
 * Copies the public tables into a new SQLite file, and nothing else: the file never holds a page of
 * keys, tickets or requesters, so nothing private can survive in its free pages either. The copy
 * and the change log position are read in one transaction, so the cursor is exactly the snapshot's.
 */
export function snapshotPublicTables(source: Database.Database, target: string): PublicSnapshot {
  const schema = source
    .prepare<[], SchemaRow>(`SELECT type, sql FROM sqlite_master WHERE tbl_name IN (${NAMES}) AND sql IS NOT NULL ORDER BY rowid`)
    .all();
  withDatabase(target, (copy) => {
    // The same tables as the source; indexes come after the rows, which is faster than keeping them up on each insert.
    for (const row of schema) if (row.type === 'table') copy.exec(row.sql);
  });
  source.prepare('ATTACH DATABASE ? AS bundle').run(target);
  let snapshot: PublicSnapshot;
  try {
    snapshot = source.transaction(() => {
      const changeLogId = source.prepare<[], number>('SELECT coalesce(max(id), 0) FROM main.change_log').pluck().get() ?? 0;
      const counts: Record<string, number> = {};
      for (const table of PUBLIC_TABLES) {
        counts[table] = source.prepare(`INSERT INTO bundle.${table} SELECT * FROM main.${table}`).run().changes;
      }
      const dataAsOf = source.prepare<[], string | null>('SELECT max(fetched_at) FROM main.certificate_versions').pluck().get() ?? null;
      return { changeLogId, counts, dataAsOf };
    })();
  } finally {
    source.exec('DETACH DATABASE bundle');
  }
  withDatabase(target, (copy) => {
    for (const row of schema) if (row.type === 'index') copy.exec(row.sql);
    copy.exec('ANALYZE');
  });
  return snapshot;
}

/** A single-file database (no WAL beside it), closed however `use` ends. */
function withDatabase(file: string, use: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    use(db);
  } finally {
    db.close();
  }
}
