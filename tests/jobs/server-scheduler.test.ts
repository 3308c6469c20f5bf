import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { startServer } from '../../src/server.ts';

describe('the server process', () => {
  it('schedules the enabled jobs when JOBS_ENABLED is set, and stops them on shutdown', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-server-'));
    const base = testConfig();
    const stop = await startServer(testConfig({ port: 0, freshness: { ...base.freshness, jobsEnabled: true, udiIncrementalDir: dir } }));
    const names = [...cron.getTasks().values()].map((task) => task.name);
    expect(names).toEqual(expect.arrayContaining(['udi-incremental', 'corrections-sweep']));
    // Sources disabled in config/sources.json are not scheduled.
    expect(names.some((name) => name?.startsWith('source:'))).toBe(false);
    await stop();
    expect(cron.getTasks().size).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('schedules nothing without JOBS_ENABLED', async () => {
    const stop = await startServer(testConfig({ port: 0 }));
    expect(cron.getTasks().size).toBe(0);
    await stop();
  });
});
