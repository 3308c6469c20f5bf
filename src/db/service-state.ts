import type Database from 'better-sqlite3';

/** Reads and writes `service_state` (service-state.table.ts). */
export class ServiceState {
  private readonly read: Database.Statement<[string], string>;
  private readonly write: Database.Statement<[string, string]>;

  constructor(sqlite: Database.Database) {
    this.read = sqlite.prepare<[string], string>('SELECT value FROM service_state WHERE key = ?').pluck();
    this.write = sqlite.prepare<[string, string]>(`
      INSERT INTO service_state (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`);
  }

  get(key: string): string | null {
    return this.read.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.write.run(key, value);
  }
}
