import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import { migrationsFolder } from '../../src/db/database.ts';
import { createServices } from '../../src/services.ts';

/** Tickets stored before refs existed get one each when the database is migrated, and can be followed by it. */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-ref-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The committed migrations before the one that adds refs. */
function migrationsBeforeRefs(): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_ticket_ref_and_opener'));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('the migration that adds ticket refs', () => {
  it('gives every earlier ticket its own 128-bit ref, which then reads it', async () => {
    const file = path.join(dir, 'certref.db');
    const legacy = new Database(file);
    migrate(drizzle(legacy), { migrationsFolder: migrationsBeforeRefs() });
    const insert = legacy.prepare(`
      INSERT INTO tickets (canonical, match_key, family, status, request_count, requester_count, first_seen_at, last_seen_at, updated_at)
      VALUES (?, ?, 'registration', 'open', 1, 0, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
    for (let i = 1; i <= 3; i++) insert.run(`粤械注准2023207010${i}`, `legacy-${i}`);
    legacy.close();

    const services = createServices(testConfig({ databasePath: file, attachmentsDir: path.join(dir, 'attachments') }));
    const app = await buildApp(services);
    try {
      const rows = services.database.sqlite.prepare('SELECT id, ref, opened_by AS openedBy FROM tickets ORDER BY id').all() as {
        id: number;
        ref: string;
        openedBy: string | null;
      }[];
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.ref).toMatch(/^[0-9a-f]{32}$/);
        expect(row.openedBy).toBeNull();
        const response = await app.inject({ url: `/v1/tickets/${row.ref}` });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ id: row.id, ref: row.ref });
      }
      expect(new Set(rows.map((r) => r.ref)).size).toBe(3);
    } finally {
      await app.close();
      services.close();
    }
  });
});
