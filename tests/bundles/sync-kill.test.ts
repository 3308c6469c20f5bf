import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';
import { testConfig } from '../../src/config/config.ts';
import { syncFrom } from '../../src/sync/sync.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { demoApp, makeDir, removeDir, TODAY } from './helpers.ts';

/**
 * `certref sync` killed with SIGKILL at an arbitrary moment, then run again, ends where an
 * uninterrupted sync ends (docs/bundles.md §4, Resume): the CLI runs as a real child process
 * against a real source server, and is killed between two of its transactions or mid-install.
 */

const ADMIN_TOKEN = 'bundle-sync-kill-admin-token-0123456789';
const SOURCE_CERTIFICATES = 400;
/** At most this many: the registration certificates among the source's (the rest are filings). */
const RENEWED = 320;
const PAGE_SIZE = '2';
const CLI = path.resolve(import.meta.dirname, '../../bin/certref.js');

let dir: string;
let source: TestContext;
let baseUrl: string;
/** The cursor the bundle was built at: a synced database that stores another has applied feed pages. */
let bundleCursor: string;
let changedNumbers: string[];
const killedPath = () => path.join(dir, 'killed.db');

beforeAll(async () => {
  dir = makeDir('sync-kill');
  source = await demoApp(path.join(dir, 'bundles'), ':memory:', { adminToken: ADMIN_TOKEN }, SOURCE_CERTIFICATES);
  bundleCursor = (await source.services.bundles.build()).manifest.cursor;
  await source.app.listen({ port: 0, host: '127.0.0.1' });
  const address = source.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
  // Step 1: a database synced from the bundle, then many changes on the source for it to catch up with.
  await syncFrom({ baseUrl, key: null, databasePath: killedPath(), config: config() });
  changedNumbers = await importManyChanges();
}, 60_000);

afterAll(async () => {
  await source?.close();
  removeDir(dir);
});

const config = () => testConfig({ rateLimitPerMinute: 0 });

/** Renewals of `RENEWED` registration certificates and a few new certificates, imported on the source as an admin would. */
async function importManyChanges(): Promise<string[]> {
  const sqlite = source.services.database.sqlite;
  const registered = sqlite
    .prepare("SELECT canonical FROM certificates WHERE family <> 'filing' ORDER BY id LIMIT ?")
    .pluck()
    .all(RENEWED) as string[];
  expect(registered.length).toBeGreaterThan(200);
  const known = new Set(sqlite.prepare('SELECT canonical FROM certificates').pluck().all() as string[]);
  // Another seed of the demo generator: registration numbers the source does not hold yet.
  const fresh = [
    ...new Set(
      [...generateDemoCertificates({ count: 80, seed: 20261204, today: TODAY })]
        .flat()
        .filter((doc) => doc.number.family !== 'filing' && !known.has(doc.number.canonical))
        .map((doc) => doc.number.canonical),
    ),
  ].slice(0, 30);
  expect(fresh.length).toBeGreaterThan(10);
  const csv = [
    '注册证编号,文件类型,产品名称,批准日期,有效期至',
    ...registered.map((n) => `${n},延续注册,断点续传测试产品,2026-11-22,2031-11-21`),
    ...fresh.map((n) => `${n},注册证,断点续传新产品,2026-11-23,2031-11-22`),
  ].join('\n');
  const response = await source.app.inject({
    method: 'POST',
    url: '/v1/imports?fileName=renewals-and-new.csv',
    payload: `${csv}\n`,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  const created = sqlite.prepare('SELECT count(*) FROM certificates').pluck().get() as number;
  expect(created).toBe(known.size + fresh.length);
  return [...registered, ...fresh];
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `certref sync` as the operator runs it, in its own process. */
function startSync(databasePath: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [CLI, 'sync', baseUrl, '--db', databasePath, '--page-size', PAGE_SIZE], {
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exit = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exit };
}

/** Polls every few milliseconds until `ready` holds; fails the test if the child ended first. */
async function killWhen(run: { child: ChildProcess; exit: Promise<Exit> }, ready: () => boolean): Promise<Exit> {
  let ended = false;
  void run.exit.then(() => (ended = true));
  while (!ready()) {
    if (ended) throw new Error(`the sync ended before it could be killed: ${(await run.exit).stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  run.child.kill('SIGKILL');
  return run.exit;
}

function storedCursor(databasePath: string): string | null {
  if (!fs.existsSync(databasePath)) return null;
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT value FROM service_state WHERE key = 'sync.cursor'").pluck().get() as string | undefined) ?? null;
  } catch {
    // Opened between the rename and the first commit it sees: read again on the next poll.
    return null;
  } finally {
    db.close();
  }
}

function rows(databasePath: string | null, sql: string): unknown[] {
  if (databasePath === null) return source.services.database.sqlite.prepare(sql).all();
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** A certificate's number and its parts: what no clock changes. */
const CERTIFICATES = `SELECT id, canonical, match_key, recode_key, family, authority, city, form, origin, year, management_class, code, serial
  FROM certificates ORDER BY id`;
/**
 * The summary the writer computed for the day it wrote (the version in effect then): the source's
 * clock is the tests' fixed day, the CLI's the real one, so summaries are compared between two
 * local databases only. Not created_at, updated_at or created_at_change: when this database wrote the row.
 */
const SUMMARIES = `SELECT id, product_name, holder, approval_date, effective_date, expiry_date, current_version_id, dates_known, summary_due
  FROM certificates ORDER BY id`;
/** Every column but created_at. */
const VERSIONS = `SELECT id, certificate_id, document_type, as_issued, approval_date, effective_date, expiry_date, product_name, holder,
  holder_address, production_address, agent_name, agent_address, model_spec, structure, scope, approval_department,
  change_description, remarks, source, source_ref, source_row, fetched_at, content_hash FROM certificate_versions ORDER BY id`;
const LINKS =
  'SELECT from_canonical, from_match_key, to_certificate_id, source FROM certificate_links ORDER BY from_match_key, from_canonical';
const CERTIFICATE_CHANGES =
  "SELECT entity_id, action, json_extract(after, '$.versionIds') AS ids FROM change_log WHERE entity = 'certificate' ORDER BY id";
const DUPLICATE_VERSIONS = 'SELECT certificate_id, content_hash FROM certificate_versions GROUP BY 1, 2 HAVING count(*) > 1';

/** `GET /v1/certificates/{number}` and `GET /v1/autofill` for each number, from a certref on `databasePath` (null: the source). */
async function answersOf(databasePath: string | null, numbers: string[]): Promise<unknown[]> {
  const ctx = databasePath === null ? source : await buildTestApp({ today: TODAY, config: { databasePath, rateLimitPerMinute: 0 } });
  try {
    const answers: unknown[] = [];
    for (const number of numbers) {
      const encoded = encodeURIComponent(number);
      for (const url of [`/v1/certificates/${encoded}`, `/v1/autofill?number=${encoded}`]) {
        const response = await ctx.app.inject({ url });
        answers.push({ url, status: response.statusCode, body: response.json() });
      }
    }
    return answers;
  } finally {
    if (ctx !== source) await ctx.close();
  }
}

/** Files in the test folder left by an install under a temporary name beside `databasePath`. */
function installLeftovers(databasePath: string): string[] {
  const base = path.basename(databasePath);
  return fs.readdirSync(path.dirname(databasePath)).filter((name) => name.startsWith(`${base}.sync-`));
}

describe('certref sync killed with SIGKILL and run again', () => {
  const killed = killedPath;
  const straight = () => path.join(dir, 'straight.db');
  const early = () => path.join(dir, 'early.db');

  it('killed between two pages of the feed, a second run ends as the source and as an uninterrupted sync', async () => {
    const installed = rows(killed(), VERSIONS).length;
    const sourceVersions = rows(null, VERSIONS);
    expect(sourceVersions.length).toBe(installed + changedNumbers.length);

    const first = await killWhen(startSync(killed()), () => {
      const cursor = storedCursor(killed());
      return cursor !== null && cursor !== bundleCursor;
    });
    expect(first.signal).toBe('SIGKILL');
    const applied = rows(killed(), VERSIONS).length;
    // Killed midway: at least one page committed, and versions still waiting.
    expect(storedCursor(killed())).not.toBe(bundleCursor);
    expect(applied).toBeLessThan(sourceVersions.length);

    const second = await startSync(killed()).exit;
    expect(second, second.stderr).toMatchObject({ code: 0, signal: null });

    await syncFrom({ baseUrl, key: null, databasePath: straight(), config: config(), pageSize: Number(PAGE_SIZE) });
    for (const sql of [CERTIFICATES, VERSIONS, LINKS]) expect(rows(killed(), sql)).toEqual(rows(null, sql));
    for (const sql of [CERTIFICATES, SUMMARIES, VERSIONS, LINKS]) expect(rows(killed(), sql)).toEqual(rows(straight(), sql));
    expect(rows(killed(), DUPLICATE_VERSIONS)).toEqual([]);
    const changes = rows(killed(), CERTIFICATE_CHANGES);
    expect(changes).toEqual(rows(straight(), CERTIFICATE_CHANGES));
    expect(new Set(changes.map((change) => JSON.stringify(change))).size).toBe(changes.length);
    expect(await answersOf(killed(), changedNumbers)).toEqual(await answersOf(null, changedNumbers));
  }, 120_000);

  it('killed during the first run’s bundle install, a second run installs cleanly and leaves no temporary file', async () => {
    const run = startSync(early());
    const first = await killWhen(run, () => installLeftovers(early()).length > 0);
    expect(first.signal).toBe('SIGKILL');
    // The kill came before the rename: nothing is at the database's own name yet.
    expect(fs.existsSync(early())).toBe(false);
    const killedTemp = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`certref-${run.child.pid}-`));
    expect(killedTemp).toHaveLength(1);

    const second = await startSync(early()).exit;
    expect(second, second.stderr).toMatchObject({ code: 0, signal: null });
    expect(installLeftovers(early())).toEqual([]);
    expect(fs.readdirSync(os.tmpdir()).filter((name) => killedTemp.includes(name))).toEqual([]);
    for (const sql of [CERTIFICATES, VERSIONS, LINKS]) expect(rows(early(), sql)).toEqual(rows(null, sql));
    expect(rows(early(), DUPLICATE_VERSIONS)).toEqual([]);
    expect(await answersOf(early(), changedNumbers)).toEqual(await answersOf(null, changedNumbers));
  }, 120_000);
});
