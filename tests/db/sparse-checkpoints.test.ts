import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { BULK_CHECKPOINT_PAGES, withSparseCheckpoints } from '../../src/db/sparse-checkpoints.ts';
import { csv, HEADER, harness, ROWS } from '../imports/helpers.ts';

let handle: DatabaseHandle | undefined;
let dir: string | undefined;
afterEach(() => {
  handle?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  handle = dir = undefined;
});

function fileDatabase(): DatabaseHandle {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-wal-'));
  handle = openDatabase(path.join(dir, 'certref.db'));
  return handle;
}

const interval = (h: DatabaseHandle) => h.sqlite.pragma('wal_autocheckpoint', { simple: true });

describe('sparse checkpoints during bulk writes', () => {
  it('hold while any import runs, and the usual interval returns when the last one ends', async () => {
    const h = fileDatabase();
    expect(interval(h)).toBe(1000);
    let releaseFirst!: () => void;
    const first = withSparseCheckpoints(h.sqlite, () => new Promise<void>((resolve) => (releaseFirst = resolve)));
    expect(interval(h)).toBe(BULK_CHECKPOINT_PAGES);
    await withSparseCheckpoints(h.sqlite, async () => expect(interval(h)).toBe(BULK_CHECKPOINT_PAGES));
    // The second import ended first: the first still runs with sparse checkpoints.
    expect(interval(h)).toBe(BULK_CHECKPOINT_PAGES);
    releaseFirst();
    await first;
    expect(interval(h)).toBe(1000);
  });

  it('checkpoint the WAL at the end, and restore the interval when the run fails', async () => {
    const h = fileDatabase();
    const databaseBytes = () => fs.statSync(h.sqlite.name).size;
    await expect(
      withSparseCheckpoints(h.sqlite, async () => {
        h.sqlite.exec(`CREATE TABLE bulk (x TEXT);
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
          INSERT INTO bulk (x) SELECT hex(randomblob(500)) FROM n`);
        throw new Error('the file broke');
      }),
    ).rejects.toThrow('the file broke');
    expect(interval(h)).toBe(1000);
    // 20 MB of rows, far below the sparse interval: only the closing checkpoint moved them out of the WAL.
    expect(databaseBytes()).toBeGreaterThan(20_000_000);
  });
});

describe('imports and checkpoints', () => {
  it.each([
    ['the CLI (sparseCheckpoints)', true, BULK_CHECKPOINT_PAGES],
    ['the server (its connection answers lookups meanwhile)', false, 1000],
  ])('%s', async (_who, sparseCheckpoints, during) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-wal-'));
    const h = harness({ databasePath: path.join(dir, 'certref.db'), sparseCheckpoints });
    try {
      const seen: unknown[] = [];
      await h.importer.importFile({
        path: h.file('certs.csv', csv([HEADER, ...ROWS])),
        fileName: 'certs.csv',
        onProgress: () => seen.push(h.services.database.sqlite.pragma('wal_autocheckpoint', { simple: true })),
      });
      expect(seen).toEqual([during]);
      expect(h.services.database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      h.close();
    }
  });
});
