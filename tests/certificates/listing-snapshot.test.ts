import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import type { ListingItem, ListingPage } from '../../src/certificates/listing/listing.schemas.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/certref.js');
const TODAY = '2026-11-25';
const STORE = 20_000;
const PAGE = 250;
const CREATED = 1_500;
const RENEWED = 1_500;
const RENEWED_NAME = '续证后的产品';

let dir: string;
let ctx: TestContext;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-listing-'));
  // A file, not :memory:: the importing child process writes to the same database.
  ctx = await buildTestApp({ today: TODAY, config: { databasePath: path.join(dir, 'certref.db'), rateLimitPerMinute: 0 } });
  loadDemoData(ctx.services.writer, { count: STORE, today: TODAY });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sqlite = () => ctx.services.database.sqlite;

async function get<T>(url: string): Promise<T> {
  const response = await ctx.app.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** Registration numbers no certificate has, spread over authorities and years so their keys fall all through the walk. */
function newNumbers(taken: ReadonlySet<string>): string[] {
  const numbers: string[] = [];
  const authorities = ['京', '国', '沪', '粤', '苏', '浙'];
  for (let i = 0; numbers.length < CREATED; i++) {
    const authority = authorities[i % authorities.length]!;
    const year = 2015 + (i % 11);
    const code = String(1 + (i % 22)).padStart(2, '0');
    const serial = String(1 + ((i * 7919) % 9999)).padStart(4, '0');
    const number = `${authority}械注准${year}${authority === '国' ? 3 : 2}${code}${serial}`;
    if (!taken.has(number)) numbers.push(number);
  }
  return numbers;
}

/** The CSV another process imports mid-walk: new certificates, and renewals of existing ones. */
function changesFile(created: readonly string[], renewed: readonly string[]): string {
  const lines = ['注册证编号,产品名称,注册人名称,批准日期,有效期至'];
  for (const number of created) lines.push(`${number},新注册的产品,某医疗器械有限公司,2026-10-01,2031-09-30`);
  for (const number of renewed) lines.push(`${number},${RENEWED_NAME},某医疗器械有限公司,2026-10-08,2031-10-07`);
  const file = path.join(dir, 'changes.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The real CLI importer in its own process, on the same database file. */
function importInAnotherProcess(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'import', file, '--json'], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'certref.db'), DEMO_DATA: 'false', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

interface Change {
  id: number;
  entityId: string;
  action: string;
}

describe('a full listing while another process imports', () => {
  it('shows each certificate that existed at its start exactly once and none created after; the change feed from changesCursor has the rest', async () => {
    const atStart = sqlite().prepare('SELECT canonical, match_key AS matchKey FROM certificates ORDER BY match_key').all() as {
      canonical: string;
      matchKey: string;
    }[];
    expect(atStart).toHaveLength(STORE);
    const created = newNumbers(new Set(atStart.map((c) => c.canonical)));
    // Every so many registrations in match-key order: renewals before and after the point the walk has reached.
    const registrations = sqlite()
      .prepare(`SELECT canonical FROM certificates WHERE family = 'registration' ORDER BY match_key`)
      .pluck()
      .all() as string[];
    const step = Math.floor(registrations.length / RENEWED);
    const renewed = registrations.filter((_, i) => i % step === 0).slice(0, RENEWED);
    const file = changesFile(created, renewed);

    const pages: ListingPage[] = [];
    const next = async () => {
      const cursor = pages.at(-1)?.nextCursor;
      pages.push(await get<ListingPage>(`/v1/certificates?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    };
    const totalPages = STORE / PAGE;
    // Two fifths before the import starts.
    while (pages.length < totalPages * 0.4) await next();
    const seenBeforeImport = pages.length;
    // SQLite stamps updated_at with this clock: renewals stored by the import are stamped after it.
    const importStarted = new Date().toISOString();
    let importing = true;
    const imported = importInAnotherProcess(file).finally(() => (importing = false));
    // Beside it, slowly, while it runs; the last three tenths only once it has committed everything.
    while (importing && pages.length < totalPages * 0.7) {
      await next();
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const result = await imported;
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).counts).toMatchObject({ rejected: 0, certificatesCreated: CREATED });
    const seenBeforeCommit = pages.length;
    while (pages.at(-1)!.nextCursor !== null) await next();

    const listed = pages.flatMap((page) => page.items);
    expect(listed.map((item) => item.canonical)).toEqual(atStart.map((c) => c.canonical));
    const createdSet = new Set(created);
    expect(listed.filter((item) => createdSet.has(item.canonical))).toEqual([]);
    // The store did change: the walk was pinned, not the data.
    expect(sqlite().prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(STORE + CREATED);
    expect(new Set(pages.map((page) => page.changesCursor)).size).toBe(1);
    expect(new Set(pages.map((page) => page.dataAsOf)).size).toBe(1);

    // A renewal is shown as the certificate stands when its page is read (docs/certificates.md §6):
    // before the import as it was, after it as the import left it (the renewal need not be in effect yet).
    const renewedSet = new Set(renewed);
    const renewedIn = (from: number, to: number): ListingItem[] =>
      pages.slice(from, to).flatMap((page) => page.items.filter((item) => renewedSet.has(item.canonical)));
    const before = renewedIn(0, seenBeforeImport);
    const after = renewedIn(seenBeforeCommit, pages.length);
    expect(before.length).toBeGreaterThan(100);
    expect(after.length).toBeGreaterThan(100);
    expect(before.every((item) => item.updatedAt < importStarted)).toBe(true);
    expect(after.every((item) => item.updatedAt >= importStarted)).toBe(true);
    expect(after.some((item) => item.current.productName === RENEWED_NAME)).toBe(true);
    const stored = sqlite().prepare('SELECT product_name AS productName, updated_at AS updatedAt FROM certificates WHERE canonical = ?');
    for (const item of after)
      expect(stored.get(item.canonical)).toEqual({ productName: item.current.productName, updatedAt: item.updatedAt });

    // From changesCursor the feed holds exactly what the import did, created and renewed alike.
    const changes: Change[] = [];
    let since = pages[0]!.changesCursor;
    for (;;) {
      const page = await get<{ changes: Change[]; nextCursor: string; hasMore: boolean }>(
        `/v1/changes?entity=certificate&limit=1000&since=${encodeURIComponent(since)}`,
      );
      changes.push(...page.changes);
      since = page.nextCursor;
      if (!page.hasMore) break;
    }
    const by = (action: string) => new Set(changes.filter((c) => c.action === action).map((c) => c.entityId));
    expect(by('created')).toEqual(createdSet);
    expect(by('versions_added')).toEqual(renewedSet);
    expect(changes).toHaveLength(CREATED + RENEWED);
  }, 240_000);
});
