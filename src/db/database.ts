import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

export interface DatabaseHandle {
  /** The raw connection, for prepared statements on hot paths and synchronous transactions. */
  sqlite: Database.Database;
  close(): void;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Opens (creating if needed) a SQLite database and applies every committed migration. */
export function openDatabase(databasePath: string): DatabaseHandle {
  if (databasePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const sqlite = new Database(databasePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // A bulk import lets the WAL grow to 256 MB between checkpoints (sparse-checkpoints.ts); the file
  // is cut back to this size when it is next reset instead of keeping its largest size on disk.
  sqlite.pragma('journal_size_limit = 67108864');
  migrate(drizzle(sqlite), { migrationsFolder });
  return { sqlite, close: () => sqlite.close() };
}

interface Journal {
  entries: { tag: string }[];
}

/** True when every migration in the committed journal has been applied to this database. */
export function migrationsApplied(sqlite: Database.Database): boolean {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return row.n >= journal.entries.length;
}
