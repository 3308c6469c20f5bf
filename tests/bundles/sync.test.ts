import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { syncFrom } from '../../src/sync/sync.ts';
import { cliCommand } from '../helpers/cli-io.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { demoApp, makeDir, removeDir, TODAY } from './helpers.ts';

const ADMIN_TOKEN = 'bundle-sync-admin-token-0123456789';
const sync = cliCommand('sync');

let dir: string;
let source: TestContext;
let baseUrl: string;
let numbers: string[];

beforeAll(async () => {
  dir = makeDir('sync');
  source = await demoApp(path.join(dir, 'bundles'), ':memory:', { adminToken: ADMIN_TOKEN });
  await source.services.bundles.build();
  await source.app.listen({ port: 0, host: '127.0.0.1' });
  const address = source.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
  numbers = source.services.database.sqlite.prepare('SELECT canonical FROM certificates ORDER BY id').pluck().all() as string[];
});

afterAll(async () => {
  await source.close();
  removeDir(dir);
});

const config = () => testConfig({ rateLimitPerMinute: 0 });

/** What a certref on `databasePath` answers for every demo number: certificate and auto-fill. */
async function answersOf(databasePath: string | null): Promise<unknown[]> {
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

/** Renewals of the first `count` registration certificates, imported on the source as an admin would. */
async function importRenewals(count: number, approvalDate: string): Promise<void> {
  const registered = source.services.database.sqlite
    .prepare("SELECT canonical FROM certificates WHERE family <> 'filing' ORDER BY id LIMIT ?")
    .pluck()
    .all(count) as string[];
  const expiry = `${Number(approvalDate.slice(0, 4)) + 5}${approvalDate.slice(4)}`;
  const csv = [
    '注册证编号,文件类型,产品名称,批准日期,有效期至',
    ...registered.map((n) => `${n},延续注册,同步测试产品,${approvalDate},${expiry}`),
  ].join('\n');
  const response = await source.app.inject({
    method: 'POST',
    url: '/v1/imports?fileName=renewals.csv',
    payload: `${csv}\n`,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

function rows(databasePath: string, sql: string): unknown[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Every column but created_at, which says when this database stored the row. */
const VERSIONS = `SELECT id, certificate_id, document_type, as_issued, approval_date, effective_date, expiry_date, product_name, holder,
  holder_address, production_address, agent_name, agent_address, model_spec, structure, scope, approval_department,
  change_description, remarks, source, source_ref, source_row, fetched_at, content_hash FROM certificate_versions ORDER BY id`;
const LINKS = 'SELECT from_canonical, source FROM certificate_links ORDER BY from_match_key, from_canonical';
const CERTIFICATE_CHANGES =
  "SELECT entity_id, action, json_extract(after, '$.versionIds') AS ids FROM change_log WHERE entity = 'certificate' ORDER BY id";

describe('certref sync', () => {
  const mirror = () => path.join(dir, 'mirror.db');

  it('installs the newest bundle into an empty database: every demo number answers as on the source', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env: { LOG_LEVEL: 'silent' },
    };
    expect(await sync([baseUrl, '--db', mirror()], io), err.join('')).toBe(0);
    expect(out.join('')).toContain('已安装离线数据包');
    expect(numbers.length).toBeGreaterThan(100);
    expect(await answersOf(mirror())).toEqual(await answersOf(null));
  });

  it('applies what changed on the source since: an import adding renewals', async () => {
    await importRenewals(3, '2026-11-20');
    const report = await syncFrom({ baseUrl, key: null, databasePath: mirror(), config: config() });
    expect(report.installedBundle).toBeNull();
    expect(report.versionsAdded).toBe(3);
    expect(await answersOf(mirror())).toEqual(await answersOf(null));
    expect(rows(mirror(), VERSIONS)).toEqual(source.services.database.sqlite.prepare(VERSIONS).all());
    const again = await syncFrom({ baseUrl, key: null, databasePath: mirror(), config: config() });
    expect(again.versionsAdded).toBe(0);
  });

  it('resumes an interrupted sync where it stopped: the same state as an uninterrupted one, nothing twice', async () => {
    await importRenewals(6, '2026-11-21');
    await syncFrom({ baseUrl, key: null, databasePath: mirror(), config: config() });
    const resumed = path.join(dir, 'resumed.db');
    const first = await syncFrom({ baseUrl, key: null, databasePath: resumed, config: config(), pageSize: 2, maxPages: 2 });
    expect(first.complete).toBe(false);
    expect(first.changes).toBe(4);
    let runs = 1;
    for (;;) {
      const next = await syncFrom({ baseUrl, key: null, databasePath: resumed, config: config(), pageSize: 2, maxPages: 1 });
      runs++;
      if (next.complete) break;
    }
    expect(runs).toBeGreaterThan(3);
    expect(rows(resumed, VERSIONS)).toEqual(rows(mirror(), VERSIONS));
    expect(rows(resumed, LINKS)).toEqual(rows(mirror(), LINKS));
    const changes = rows(resumed, CERTIFICATE_CHANGES) as { ids: string }[];
    expect(changes).toEqual(rows(mirror(), CERTIFICATE_CHANGES));
    expect(new Set(changes.map((c) => `${JSON.stringify(c)}`)).size).toBe(changes.length);
    expect(await answersOf(resumed)).toEqual(await answersOf(null));
  });

  it('refuses a corrupted download and leaves the local database untouched', async () => {
    const { manifest, folder } = await source.services.bundles.build();
    const file = path.join(folder, 'certref.sqlite');
    const bytes = fs.readFileSync(file);
    // One byte changed in transit.
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    fs.writeFileSync(file, bytes);
    const fresh = path.join(dir, 'fresh.db');
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env: { LOG_LEVEL: 'silent' },
    };
    expect(await sync([baseUrl, '--db', fresh], io)).toBe(1);
    expect(err.join('')).toContain('bundle_checksum_mismatch: 下载的数据包文件 `certref.sqlite` 校验失败');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('fresh.db'))).toEqual([]);
    expect(manifest.files.find((f) => f.name === 'certref.sqlite')?.sha256).toBeTruthy();
  });

  it('refuses to follow a second remote with a database synced from another', async () => {
    const other = baseUrl.replace('127.0.0.1', 'localhost');
    await expect(syncFrom({ baseUrl: other, key: null, databasePath: mirror(), config: config() })).rejects.toMatchObject({
      code: 'sync_other_remote',
    });
  });

  it('refuses to overwrite a database with certificates of its own', async () => {
    const own = path.join(dir, 'own.db');
    const ctx = await buildTestApp({ config: { databasePath: own } });
    const { loadDemoData } = await import('../../seed/load-demo-data.ts');
    loadDemoData(ctx.services.writer, { count: 3, today: TODAY });
    await ctx.close();
    await expect(syncFrom({ baseUrl, key: null, databasePath: own, config: config() })).rejects.toMatchObject({
      code: 'sync_target_not_empty',
    });
  });
});
