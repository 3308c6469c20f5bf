import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { ensureSearchIndex } from '../../src/search/ensure-search-index.ts';
import { createServices } from '../../src/services.ts';
import { cliCommand } from '../helpers/cli-io.ts';
import { storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { CERTIFICATES, type SearchBody, search, searchApp } from './search-fixtures.ts';

const runSearchReindex = cliCommand('search-reindex');

const QUERIES = ['导管', '导', '3140', '粤穗械备', '国械注准 2019 3140123', 'boston', '支架'];

let ctx: TestContext | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const answers = async (c: TestContext): Promise<SearchBody[]> => Promise.all(QUERIES.map((q) => search(c, { q, limit: 100 })));

describe('rebuilding the embedded index', () => {
  it('gives the same answers as the index kept in step by the writer', async () => {
    ctx = await searchApp();
    const before = await answers(ctx);
    const report = ctx.services.search.embedded.rebuild();
    expect(report.documents).toBe(Object.keys(CERTIFICATES).length);
    expect(await answers(ctx)).toEqual(before);
    expect(ctx.services.search.embedded.counts()).toEqual({ certificates: report.documents, indexed: report.documents, owedUnindexed: 0 });
  });

  it('leaves writes with the large pending-terms buffer that migration 0010 set', async () => {
    ctx = await searchApp();
    const hashsize = () =>
      (ctx!.services.database.sqlite.prepare(`SELECT v FROM search_fts_config WHERE k = 'hashsize'`).get() as { v: number } | undefined)?.v;
    expect(hashsize()).toBe(64 * 1024 * 1024);
    ctx.services.search.embedded.rebuild();
    expect(hashsize()).toBe(64 * 1024 * 1024);
  });

  it('happens on start when the index does not hold every certificate, and only then', async () => {
    ctx = await searchApp();
    const log: string[] = [];
    expect(ensureSearchIndex(ctx.services.search, (m) => log.push(m))).toBeNull();
    // What migration 0006 leaves behind on a database indexed by 0005.
    ctx.services.database.sqlite.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_docs;`);
    expect((await search(ctx, { q: '导管' })).total).toBe(0);
    expect(ensureSearchIndex(ctx.services.search, (m) => log.push(m))?.documents).toBe(Object.keys(CERTIFICATES).length);
    expect(log[0]).toContain('holds 0 of 8');
    expect((await search(ctx, { q: '导管' })).total).toBe(4);
  });

  it('is the certref search-reindex command', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-reindex-'));
    dirs.push(dir);
    const databasePath = path.join(dir, 'certref.db');
    const services = createServices(testConfig({ databasePath }));
    storeDocuments(
      services,
      Object.values(CERTIFICATES).map((c) => ({ ...c })),
    );
    services.close();

    let out = '';
    let err = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
    const status = await runSearchReindex(['--json'], {
      ...io,
      env: { DATABASE_PATH: databasePath, DEMO_DATA: 'false', LOG_LEVEL: 'silent' },
    });
    expect(err).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(out) as { embedded: { documents: number }; meilisearch: null };
    expect(report.embedded.documents).toBe(Object.keys(CERTIFICATES).length);
    expect(report.meilisearch).toBeNull();
    expect(await runSearchReindex(['--bogus'], { ...io, env: {} })).toBe(2);
  });
});
