import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { startServer } from '../../src/server.ts';
import { createServices } from '../../src/services.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { csv, distinctRows, HEADER } from '../imports/helpers.ts';
import { CERTIFICATES, search, TODAY } from './search-fixtures.ts';

let ctx: TestContext | null = null;
let dir: string | null = null;
afterEach(async () => {
  await ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  ctx = dir = null;
});

function tempDir(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-catch-up-test-'));
  return dir;
}

/** Imports CSV rows through the composition root's importer, as POST /v1/imports and the CLI do. */
async function importRows(context: TestContext, rows: string[][]): Promise<void> {
  const file = path.join(tempDir(), 'bulk.csv');
  fs.writeFileSync(file, csv([HEADER, ...rows]));
  await context.services.importer.importFile({ path: file, fileName: 'bulk.csv' });
}

const owedRows = (context: TestContext): number =>
  context.services.database.sqlite.prepare('SELECT count(*) FROM search_owed').pluck().get() as number;

describe('the search index after a bulk import', () => {
  it('is behind until the catch-up runs, and says so; lookups by number are current meanwhile', async () => {
    ctx = await buildTestApp({ today: TODAY });
    await importRows(ctx, distinctRows(30));
    expect(owedRows(ctx)).toBe(30);

    const behind = await ctx.app.inject({ url: '/v1/search?q=产品' });
    expect(behind.json().total).toBe(0);
    expect(behind.headers['x-search-as-of']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Number(behind.headers['x-search-lag'])).toBeGreaterThanOrEqual(0);
    const status = (await ctx.app.inject({ url: '/v1/status' })).json();
    expect(status.searchIndex).toMatchObject({ owed: 30, asOf: behind.headers['x-search-as-of'] });
    const lookup = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(distinctRows(30)[7]![0]!)}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ productName: '产品7' });

    expect(await ctx.services.search.catchUp.drain(7)).toMatchObject({ indexed: 30 });
    const caughtUp = await ctx.app.inject({ url: '/v1/search?q=产品&limit=50' });
    expect(caughtUp.json().total).toBe(30);
    expect(caughtUp.headers['x-search-as-of']).toBeUndefined();
    expect(caughtUp.headers['x-search-lag']).toBeUndefined();
    expect((await ctx.app.inject({ url: '/v1/status' })).json().searchIndex).toEqual({ owed: 0, asOf: null, lagSeconds: 0 });
    expect(ctx.services.search.embedded.counts()).toEqual({ certificates: 30, indexed: 30, owedUnindexed: 0 });
  });

  it('replaces the row of a certificate indexed before, as a write in step would', async () => {
    ctx = await buildTestApp({ today: TODAY });
    storeDocuments(ctx.services, [{ ...CERTIFICATES.catheter }]);
    expect((await search(ctx, { q: '静脉导管' })).total).toBe(1);
    await importRows(ctx, [
      [CERTIFICATES.catheter.number, '一次性使用输液器', '广州安心医疗器械有限公司', '2024-03-01', '', '2029-02-28', ''],
    ]);
    // Not re-indexed yet: the old name still finds it.
    expect((await search(ctx, { q: '静脉导管' })).total).toBe(1);
    await ctx.services.search.catchUp.drain();
    expect((await search(ctx, { q: '静脉导管' })).total).toBe(0);
    expect((await search(ctx, { q: '输液器' })).total).toBe(1);
    expect(ctx.services.search.embedded.counts()).toEqual({ certificates: 1, indexed: 1, owedUnindexed: 0 });
  });
});

describe('small writes', () => {
  it('stay in step: searchable at once, nothing owed, no lag reported', async () => {
    ctx = await buildTestApp({ today: TODAY });
    storeDocuments(ctx.services, [{ ...CERTIFICATES.catheter }, { ...CERTIFICATES.filing }]);
    expect(owedRows(ctx)).toBe(0);
    const response = await ctx.app.inject({ url: '/v1/search?q=导管' });
    expect(response.json().total).toBe(2);
    expect(response.headers['x-search-lag']).toBeUndefined();
  });
});

describe('an import killed at any moment', () => {
  it('leaves nothing unindexed once a server has started on the file', async () => {
    const databasePath = path.join(tempDir(), 'killed.db');
    const file = path.join(tempDir(), 'many.csv');
    fs.writeFileSync(file, csv([HEADER, ...distinctRows(3000)]));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, '../imports/crash-child.ts'), databasePath, file, '100', 'false'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if ((output.match(/committed/g) ?? []).length >= 3) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(output).not.toContain('done');

    const inspect = createServices(testConfig({ databasePath }));
    const stored = inspect.database.sqlite.prepare('SELECT count(*) FROM certificates').pluck().get() as number;
    const { owedUnindexed } = inspect.search.embedded.counts();
    inspect.close();
    expect(stored).toBeGreaterThanOrEqual(300);
    // Nothing was indexed during the import: all of it is owed, and nothing else is missing.
    expect(owedUnindexed).toBe(stored);

    const stop = await startServer(testConfig({ port: 0, databasePath }));
    try {
      const after = createServices(testConfig({ databasePath }));
      try {
        for (let waited = 0; after.search.catchUp.lag().owed > 0 && waited < 30_000; waited += 50) await sleep(50);
        expect(after.search.catchUp.lag()).toEqual({ owed: 0, since: null });
        expect(after.search.embedded.counts()).toEqual({ certificates: stored, indexed: stored, owedUnindexed: 0 });
        const answer = await after.search.service.search({ q: '某公司', filters: {}, limit: 1 });
        expect(answer.total).toBe(stored);
      } finally {
        after.close();
      }
    } finally {
      await stop();
    }
  });
});
