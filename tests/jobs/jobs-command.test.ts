import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliCommand } from '../helpers/cli-io.ts';
import { type FixtureServer, file, startFixtureServer } from '../sources/fixture-server.ts';
import { udiFixture } from '../udi/helpers.ts';

const runImportUdi = cliCommand('import-udi');
const runJobs = cliCommand('jobs');

let dir: string;
let server: FixtureServer;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-cli-'));
  server = await startFixtureServer();
  server.route('/detail/国械注准20153661234', file('detail-utf8.html'));
});
afterEach(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const sourcesFile = path.join(dir, 'sources.json');
  fs.writeFileSync(
    sourcesFile,
    JSON.stringify({
      sources: [
        {
          name: 'datasearch',
          shape: 'detail',
          enabled: false,
          url: `${server.url}/detail/{number}`,
          schedule: '0 3 * * *',
          numbers: ['国械注准20153661234'],
        },
      ],
    }),
  );
  return {
    out,
    err,
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env: {
        DATABASE_PATH: path.join(dir, 'certref.db'),
        DEMO_DATA: 'false',
        LOG_LEVEL: 'silent',
        SOURCES_FILE: sourcesFile,
        HTTP_MIN_INTERVAL_MS: '0',
      },
    },
  };
}

describe('certref import-udi', () => {
  it('imports files and directories into the configured database, one summary per file; exit 1 when one fails', async () => {
    const first = io();
    expect(await runImportUdi([udiFixture('udi-full-sample.xml')], first.io)).toBe(0);
    expect(first.out.join('')).toContain('udi-full-sample.xml (udi run 1): completed');
    expect(first.out.join('')).toContain('6 added');

    const second = io();
    expect(
      await runImportUdi(['--skip-imported', '--json', udiFixture('udi-full-sample.xml'), udiFixture('udi-truncated.xml')], second.io),
    ).toBe(1);
    const lines = second.out
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ skipped: 'already_imported' });
    expect(lines[1]).toMatchObject({ fileName: 'udi-truncated.xml', status: 'failed' });
  });

  it('says how to use it', async () => {
    const run = io();
    expect(await runImportUdi([], run.io)).toBe(2);
    expect(run.err.join('')).toContain('usage: certref import-udi');
  });
});

describe('certref jobs', () => {
  it('lists every job with its schedule state, and runs one by name now, even a source disabled in the file', async () => {
    const list = io();
    expect(await runJobs(['list'], list.io)).toBe(0);
    const text = list.out.join('');
    for (const name of ['udi-incremental', 'source:datasearch', 'corrections-sweep', 'search-outbox-drain']) expect(text).toContain(name);
    expect(text).toContain('not scheduled (disabled in the sources file)');
    // Housekeeping needs no JOBS_ENABLED: the server this configuration starts schedules it.
    expect(text).toContain(
      'corrections-sweep (housekeeping)\n  Returns timed-out ticket claims to the queue (tickets resolve at once when their data arrives)\n  scheduled "*/10 * * * *"',
    );
    expect(text).toContain('source:datasearch (fetch)');

    const run = io();
    expect(await runJobs(['run', 'datasearch', '--json'], run.io)).toBe(0);
    expect(JSON.parse(run.out.join(''))).toMatchObject({
      job: 'source:datasearch',
      status: 'succeeded',
      trigger: 'manual',
      counts: { versionsAdded: 1 },
    });
    expect(run.err.join('')).toContain('[info] job started');

    const again = io();
    await runJobs(['list', '--json'], again.io);
    const jobs = JSON.parse(again.out.join('')) as { name: string; lastRun: { status: string } | null }[];
    expect(jobs.find((j) => j.name === 'source:datasearch')?.lastRun).toMatchObject({ status: 'succeeded' });
  });

  it('exits 1 for an unknown job and 2 on misuse', async () => {
    const unknown = io();
    expect(await runJobs(['run', 'nope'], unknown.io)).toBe(1);
    expect(unknown.err.join('')).toContain('No job is named nope');
    expect(await runJobs(['frobnicate'], io().io)).toBe(2);
  });
});
