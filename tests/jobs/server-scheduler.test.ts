import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FreshnessConfig, testConfig } from '../../src/config/config.ts';
import { startServer } from '../../src/server.ts';

let dir: string;
let stop: (() => Promise<void>) | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-server-'));
});
afterEach(async () => {
  // A failed assertion must not leave cron timers running into the next test.
  await stop?.();
  stop = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A server whose fetch jobs could all be scheduled: a UDI directory and an HTML source enabled in
 * its file (on an address nothing listens on; no test waits for its 03:00 schedule).
 */
async function serve(freshness: Partial<FreshnessConfig>): Promise<string[]> {
  const sourcesFile = path.join(dir, 'sources.json');
  fs.writeFileSync(
    sourcesFile,
    JSON.stringify({
      sources: [
        {
          name: 'datasearch',
          shape: 'detail',
          enabled: true,
          url: 'http://127.0.0.1:9/detail/{number}',
          schedule: '0 3 * * *',
          numbers: ['国械注准20153661234'],
        },
      ],
    }),
  );
  const base = testConfig();
  stop = await startServer(testConfig({ port: 0, freshness: { ...base.freshness, udiIncrementalDir: dir, sourcesFile, ...freshness } }));
  return [...cron.getTasks().values()].map((task) => task.name ?? '').sort();
}

describe('the server process', () => {
  it('runs housekeeping by default, and nothing that fetches from outside without JOBS_ENABLED', async () => {
    const base = testConfig().freshness;
    expect(base).toMatchObject({ jobsEnabled: false, housekeepingEnabled: true });
    // search-outbox-drain has no outbox to drain with the embedded search engine.
    expect(await serve({})).toEqual(['bundle-build', 'corrections-sweep', 'expiry-alerts', 'summary-refresh']);
  });

  it('also schedules the fetch jobs when JOBS_ENABLED is set, and stops every job on shutdown', async () => {
    expect(await serve({ jobsEnabled: true })).toEqual([
      'bundle-build',
      'corrections-sweep',
      'expiry-alerts',
      'source:datasearch',
      'summary-refresh',
      'udi-incremental',
    ]);
    await stop!();
    stop = null;
    expect(cron.getTasks().size).toBe(0);
  });

  it('schedules no housekeeping when HOUSEKEEPING_JOBS_ENABLED is false, for operators who run it from cron', async () => {
    expect(await serve({ housekeepingEnabled: false })).toEqual([]);
    await stop!();
    stop = null;
    expect(await serve({ housekeepingEnabled: false, jobsEnabled: true })).toEqual(['source:datasearch', 'udi-incremental']);
  });
});
