import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { migrationsFolder, openDatabase } from '../../src/db/database.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { createServices } from '../../src/services.ts';
import { capturingLog } from '../sources/helpers.ts';

/**
 * Certificates stored before `summary_due` existed may hold a document that took effect, or will,
 * after their summary was computed. The migration marks them so the summary-refresh job
 * recomputes them, and leaves the others alone.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-due-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The committed migrations up to, not including, the one that adds summary_due. */
function migrationsBeforeSummaryDue(): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_summary_due'));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

interface LegacyVersion {
  documentType: string;
  approvalDate: string;
  effectiveDate?: string;
  expiryDate?: string;
  productName?: string;
}

/**
 * A certificate as the writer stored it before this migration: its versions and the summary it
 * computed then (`shown`: the index of the version in effect on that day, and its dates).
 */
function storeLegacy(
  sqlite: Database.Database,
  number: string,
  versions: LegacyVersion[],
  shown: { version: number; approvalDate: string; effectiveDate: string; expiryDate: string; productName: string },
): void {
  const n = normalise(number, { currentYear: 2026 }).numbers[0]!;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO certificates (canonical, match_key, family, authority, origin, year, management_class, serial, product_name,
           approval_date, effective_date, expiry_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        n.canonical,
        n.matchKey,
        n.family,
        n.authority,
        n.origin,
        n.year,
        n.class,
        n.serial,
        shown.productName,
        shown.approvalDate,
        shown.effectiveDate,
        shown.expiryDate,
      ).lastInsertRowid,
  );
  const ids = versions.map((v, i) =>
    Number(
      sqlite
        .prepare(
          `INSERT INTO certificate_versions (certificate_id, document_type, as_issued, approval_date, effective_date, expiry_date,
             product_name, source, fetched_at, content_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'import', '2026-11-01T00:00:00Z', ?)`,
        )
        .run(
          id,
          v.documentType,
          number,
          v.approvalDate,
          v.effectiveDate ?? null,
          v.expiryDate ?? null,
          v.productName ?? null,
          `legacy-${i}`,
        ).lastInsertRowid,
    ),
  );
  sqlite.prepare('UPDATE certificates SET current_version_id = ? WHERE id = ?').run(ids[shown.version], id);
}

const PENDING_RENEWAL = '粤械注准20212140777';
const PENDING_CHANGE = '粤械注准20232140777';
const STALE_CHANGE = '粤械注准20232140779';
const PLAIN = '粤械注准20222140778';
const RENEWED = '粤械注准20162140555';

function legacyDatabase(file: string): void {
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: migrationsBeforeSummaryDue() });
  // Stored on 2026-11-25: the renewal waits for the old expiry (2026-12-05).
  storeLegacy(
    sqlite,
    PENDING_RENEWAL,
    [
      { documentType: 'registration', approvalDate: '2021-12-06', expiryDate: '2026-12-05', productName: '一次性使用输液器' },
      { documentType: 'renewal', approvalDate: '2026-09-23', expiryDate: '2031-12-05' },
    ],
    { version: 0, approvalDate: '2021-12-06', effectiveDate: '2021-12-06', expiryDate: '2026-12-05', productName: '一次性使用输液器' },
  );
  // Stored on 2026-11-25: the change takes effect on 2026-12-01.
  storeLegacy(
    sqlite,
    PENDING_CHANGE,
    [
      {
        documentType: 'registration',
        approvalDate: '2023-04-10',
        effectiveDate: '2023-04-10',
        expiryDate: '2028-04-09',
        productName: '医用外科口罩',
      },
      { documentType: 'change', approvalDate: '2026-11-20', effectiveDate: '2026-12-01', productName: '一次性使用医用外科口罩' },
    ],
    { version: 0, approvalDate: '2023-04-10', effectiveDate: '2023-04-10', expiryDate: '2028-04-09', productName: '医用外科口罩' },
  );
  // Stored on 2026-11-05: the change took effect on 2026-11-10, and the summary never followed.
  storeLegacy(
    sqlite,
    STALE_CHANGE,
    [
      { documentType: 'registration', approvalDate: '2023-05-10', expiryDate: '2028-05-09', productName: '医用棉签' },
      { documentType: 'change', approvalDate: '2026-11-01', effectiveDate: '2026-11-10', productName: '无菌医用棉签' },
    ],
    { version: 0, approvalDate: '2023-05-10', effectiveDate: '2023-05-10', expiryDate: '2028-05-09', productName: '医用棉签' },
  );
  // Nothing pending: a change long in effect.
  storeLegacy(
    sqlite,
    PLAIN,
    [
      { documentType: 'registration', approvalDate: '2022-01-05', expiryDate: '2027-01-04', productName: '医用冷敷贴' },
      { documentType: 'change', approvalDate: '2024-03-01', productName: '医用冷敷贴（械字号）' },
    ],
    { version: 1, approvalDate: '2024-03-01', effectiveDate: '2024-03-01', expiryDate: '2027-01-04', productName: '医用冷敷贴（械字号）' },
  );
  // Nothing pending: a renewal in effect since the day after the old expiry.
  storeLegacy(
    sqlite,
    RENEWED,
    [
      { documentType: 'registration', approvalDate: '2016-06-22', expiryDate: '2021-06-21', productName: '电子血压计' },
      { documentType: 'renewal', approvalDate: '2021-06-07', expiryDate: '2031-06-21' },
    ],
    { version: 1, approvalDate: '2021-06-07', effectiveDate: '2021-06-07', expiryDate: '2031-06-21', productName: '电子血压计' },
  );
  sqlite.close();
}

describe('the summary_due migration', () => {
  it('marks legacy certificates that may hold a pending document, and the job then recomputes them', async () => {
    const file = path.join(dir, 'legacy.db');
    legacyDatabase(file);

    const migrated = openDatabase(file);
    const dueOf = () =>
      Object.fromEntries(
        migrated.sqlite.prepare('SELECT canonical, summary_due FROM certificates').raw().all() as [string, string | null][],
      );
    // Each is due no later than its document takes effect: at once when the summary may already be stale.
    expect(dueOf()).toEqual({
      [PENDING_RENEWAL]: '2026-09-23',
      [PENDING_CHANGE]: '2026-12-01',
      [STALE_CHANGE]: '2026-11-10',
      [PLAIN]: null,
      [RENEWED]: null,
    });

    let now = new Date('2026-11-25T04:00:00Z');
    const services = createServices(testConfig({ databasePath: file }), { now: () => now });
    try {
      const runner = new JobRunner(services.jobRuns, { now: services.now, log: capturingLog([]) });
      const job = services.jobs.get('summary-refresh');
      // A database from before the rules were recorded: its first run recomputes every summary. The stale
      // one is put right; the pending renewal gets its exact day; the change is not due yet.
      expect((await runner.run(job, 'manual')).counts).toEqual({ all: 5, checked: 5, changed: 1 });
      expect(dueOf()).toMatchObject({ [PENDING_RENEWAL]: '2026-12-06', [PENDING_CHANGE]: '2026-12-01', [STALE_CHANGE]: null });
      const names = services.database.sqlite.prepare('SELECT canonical, product_name FROM certificates').raw().all();
      expect(Object.fromEntries(names as [string, string][])[STALE_CHANGE]).toBe('无菌医用棉签');

      // The rules are recorded now: later runs take the due ones alone.
      now = new Date('2026-12-07T04:00:00Z');
      expect((await runner.run(job, 'manual')).counts).toEqual({ due: 2, checked: 2, changed: 2 });
      expect(Object.values(dueOf())).toEqual([null, null, null, null, null]);
      const expiry = services.database.sqlite.prepare('SELECT expiry_date FROM certificates WHERE canonical = ?').pluck();
      expect(expiry.get(PENDING_RENEWAL)).toBe('2031-12-05');
    } finally {
      services.close();
      migrated.close();
    }
  });
});
