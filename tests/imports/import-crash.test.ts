import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csv, distinctRows, type Harness, HEADER, harness } from './helpers.ts';

let h: Harness;
afterEach(() => h.close());

describe.each([
  { reading: 'in the importing thread', readInWorker: false },
  { reading: 'in a worker thread', readInWorker: true },
])('an import that stops midway, reading $reading', ({ readInWorker }) => {
  it('keeps whole batches only, and importing the file again completes it', async () => {
    h = harness({ batchSize: 2, readInWorker });
    const file = h.file('seven.csv', csv([HEADER, ...distinctRows(7)]));
    let batches = 0;
    const failing = h.importer.importFile({
      path: file,
      fileName: 'seven.csv',
      onProgress: () => {
        batches++;
        throw new Error('simulated crash after the first batch');
      },
    });
    await expect(failing).rejects.toThrow('simulated crash');
    expect(batches).toBe(1);
    expect(h.versions()).toHaveLength(2);
    const runs = h.services.database.sqlite.prepare('SELECT id FROM import_runs').all() as { id: number }[];
    expect(h.importer.runs.get(runs[0]!.id)).toMatchObject({
      status: 'failed',
      counts: { total: 2, versionsAdded: 2 },
      error: { message: 'simulated crash after the first batch' },
    });

    const rerun = await h.importer.importFile({ path: file, fileName: 'seven.csv' });
    expect(rerun.counts).toMatchObject({ total: 7, versionsAdded: 5, unchanged: 2, rejected: 0 });
    expect(h.versions()).toHaveLength(7);
  });

  it('survives the process being killed: the database holds whole batches, and a re-run completes it', async () => {
    h = harness();
    const databasePath = path.join(h.dir, 'crash.db');
    const file = h.file('many.csv', csv([HEADER, ...distinctRows(3000)]));
    const batchSize = 100;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts'), databasePath, file, String(batchSize), String(readInWorker)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed while later batches are still being read and written.
        if ((output.match(/committed/g) ?? []).length >= 3) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(output).not.toContain('done');

    const after = harness({ databasePath });
    try {
      const stored = after.versions().length;
      expect(stored).toBeGreaterThanOrEqual(3 * batchSize);
      expect(stored % batchSize).toBe(0);
      const run = after.services.database.sqlite.prepare('SELECT status, total_rows FROM import_runs').get();
      expect(run).toEqual({ status: 'running', total_rows: stored });

      const rerun = await after.importer.importFile({ path: file, fileName: 'many.csv' });
      expect(rerun.counts).toMatchObject({ total: 3000, versionsAdded: 3000 - stored, unchanged: stored });
      expect(after.versions()).toHaveLength(3000);
      // The killed run is closed as failed once the file is imported again.
      expect(after.importer.runs.get(rerun.importRunId - 1)).toMatchObject({ status: 'failed', error: { code: 'import_abandoned' } });
    } finally {
      after.services.close();
    }
  });
});
