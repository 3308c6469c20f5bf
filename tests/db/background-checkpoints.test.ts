import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../src/db/background-checkpoints.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { ServiceState } from '../../src/db/service-state.ts';

let handle: DatabaseHandle | undefined;
let stop: (() => Promise<void>) | undefined;
let dir: string | undefined;
afterEach(async () => {
  await stop?.();
  handle?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  handle = stop = dir = undefined;
});

/** About 4 MB of WAL frames: more than SQLite's usual checkpoint interval of 1,000 pages. */
function writeMegabytes(sqlite: DatabaseHandle['sqlite'], round: number): void {
  const state = new ServiceState(sqlite);
  sqlite
    .transaction(() => {
      for (let i = 0; i < 1_000; i++) state.set(`filler-${round}-${i}`, 'x'.repeat(4_000));
    })
    .immediate();
}

describe('checkpoints in the background', () => {
  it('keep the WAL from growing while the serving connection never checkpoints itself', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-checkpoints-'));
    const databasePath = path.join(dir, 'certref.db');
    handle = openDatabase(databasePath);
    stop = checkpointInBackground(handle.sqlite, databasePath, 50);
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const walSize = () => fs.statSync(`${databasePath}-wal`).size;

    writeMegabytes(handle.sqlite, 1);
    const afterFirst = walSize();
    // Once the worker has copied every frame, the next write starts the WAL over from its beginning.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    writeMegabytes(handle.sqlite, 2);
    writeMegabytes(handle.sqlite, 3);
    expect(walSize()).toBeLessThan(afterFirst * 2.5);
  });
});
