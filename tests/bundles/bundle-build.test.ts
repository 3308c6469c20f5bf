import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../src/bundles/bundles.schemas.ts';
import { decodeChangeCursor } from '../../src/changes/change-cursor.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { demoApp, makeDir, removeDir } from './helpers.ts';

let dir: string;
let ctx: TestContext;
let manifest: BundleManifest;
let folder: string;

beforeAll(async () => {
  dir = makeDir('bundles');
  ctx = await demoApp(dir);
  // Something private to leave out: a key (its hash) and a ticket with its requester.
  ctx.services.apiKeys.create({ name: '测试密钥', role: 'admin' }, 'test');
  await ctx.app.inject({
    url: `/v1/autofill?number=${encodeURIComponent('粤械注准20232079999')}&contact=${encodeURIComponent('张三 13800000000')}`,
  });
  ({ manifest, folder } = await ctx.services.bundles.build());
});

afterAll(async () => {
  await ctx.close();
  removeDir(dir);
});

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('bundle build', () => {
  it('writes a manifest whose checksums, sizes and counts match the files', () => {
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['certificates.jsonl.gz', 'certref.sqlite']);
    for (const file of manifest.files) {
      const onDisk = path.join(folder, file.name);
      expect(sha256(onDisk)).toBe(file.sha256);
      expect(fs.statSync(onDisk).size).toBe(file.size);
    }
    const sqlite = ctx.services.database.sqlite;
    for (const table of ['certificates', 'certificate_versions', 'certificate_links']) {
      expect(manifest.counts[table]).toBe((sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    }
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('takes the change feed cursor of the snapshot', () => {
    const last = ctx.services.database.sqlite.prepare('SELECT max(id) AS id FROM change_log').get() as { id: number };
    expect(manifest.changeLogId).toBe(last.id);
    expect(decodeChangeCursor(manifest.cursor)).toBe(last.id);
  });

  it('holds only the public tables, and no key hash or requester anywhere in the file', () => {
    const db = new Database(path.join(folder, 'certref.sqlite'), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables.filter((name) => !name.startsWith('sqlite_')).sort()).toEqual([
      'certificate_links',
      'certificate_versions',
      'certificates',
    ]);
    const sqlite = ctx.services.database.sqlite;
    const keyHash = sqlite.prepare('SELECT key_hash FROM api_keys').pluck().get() as string;
    expect(keyHash).toBeTruthy();
    expect(sqlite.prepare('SELECT count(*) FROM ticket_requesters').pluck().get()).toBe(1);
    const bytes = fs.readFileSync(path.join(folder, 'certref.sqlite'));
    expect(bytes.includes(keyHash)).toBe(false);
    expect(bytes.includes(Buffer.from('13800000000'))).toBe(false);
    expect(bytes.includes(Buffer.from('测试密钥'))).toBe(false);
  });

  it('writes every certificate with its versions to the JSON Lines file', () => {
    const lines = gunzipSync(fs.readFileSync(path.join(folder, 'certificates.jsonl.gz')))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { canonical: string; versions: { id: number }[] });
    const sqlite = ctx.services.database.sqlite;
    const canonicals = sqlite.prepare('SELECT canonical FROM certificates ORDER BY id').pluck().all() as string[];
    expect(lines.map((line) => line.canonical)).toEqual(canonicals);
    const versionIds = sqlite.prepare('SELECT id FROM certificate_versions ORDER BY id').pluck().all() as number[];
    expect(lines.flatMap((line) => line.versions.map((v) => v.id)).sort((a, b) => a - b)).toEqual(versionIds);
  });

  it('leaves no build folder behind, and prunes to BUNDLES_KEEP', async () => {
    for (let i = 0; i < 4; i++) await ctx.services.bundles.build();
    const names = fs.readdirSync(dir);
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(3);
    expect(ctx.services.bundles.store.list().map((m) => m.id)).toEqual([...names].sort().reverse());
  });

  it('removes its build folder when the build fails', async () => {
    const { buildBundle } = await import('../../src/bundles/bundle-builder.ts');
    const { BundleStore } = await import('../../src/bundles/bundle-store.ts');
    const store = new BundleStore(path.join(dir, 'broken'));
    // A public table gone missing: the copy fails half-way, after the build folder was made.
    ctx.services.database.sqlite.exec('ALTER TABLE certificate_links RENAME TO certificate_links_away');
    try {
      await expect(buildBundle({ sqlite: ctx.services.database.sqlite, store, keep: 3, now: () => new Date() })).rejects.toThrow();
    } finally {
      ctx.services.database.sqlite.exec('ALTER TABLE certificate_links_away RENAME TO certificate_links');
    }
    expect(fs.readdirSync(path.join(dir, 'broken'))).toEqual([]);
    expect(ctx.services.bundles.store.list()).toHaveLength(3);
  });
});
