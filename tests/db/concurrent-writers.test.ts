import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { ServiceState } from '../../src/db/service-state.ts';
import { SERVING_BUSY_TIMEOUT_MS, WriteLock } from '../../src/db/write-lock.ts';
import { startServer } from '../../src/server.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/certref.js');
/** Enough rows that the CLI's import holds the write lock, batch after batch, for several seconds. */
const ROWS = 60_000;

let stop: (() => Promise<void>) | undefined;
let dir: string | undefined;
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  await stop?.();
  for (const handle of opened.splice(0)) await handle.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  stop = dir = undefined;
});

function tempDatabasePath(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-writers-'));
  return path.join(dir, 'certref.db');
}

/** A second connection to the file, holding the write lock as an importer's batch does. */
function lockHolder(databasePath: string): DatabaseHandle {
  const holder = openDatabase(databasePath);
  opened.push(holder);
  holder.sqlite.exec('BEGIN IMMEDIATE');
  return holder;
}

/** 粤械注准 numbers of 2018–2022 for the import; 2023 ones are never imported, so looking them up opens tickets. Serials start at 0001: 0000 is no number. */
function registration(year: number, category: number, serial: number): string {
  return `粤械注准${year}2${String(category).padStart(2, '0')}${String(serial + 1).padStart(4, '0')}`;
}

function importFile(target: string): void {
  const lines = ['注册证编号,产品名称,注册人名称,批准日期,有效期至'];
  for (let i = 0; i < ROWS; i++) {
    const number = registration(2018 + (i % 5), 1 + (Math.floor(i / 5) % 20), Math.floor(i / 100));
    lines.push(`${number},一次性使用无菌注射器${i},广州某医疗器械有限公司,2020-05-01,2030-04-30`);
  }
  fs.writeFileSync(target, `${lines.join('\n')}\n`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Answer {
  status: number;
  code: string | undefined;
  ms: number;
}

async function get(base: string, url: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${base}${url}`);
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code, ms: performance.now() - started };
}

describe('a CLI import beside a server taking ticket-writing traffic', () => {
  it('both finish without "database is locked", and the server never stalls waiting for the lock', async () => {
    const databasePath = tempDatabasePath();
    const file = path.join(dir!, 'big.csv');
    importFile(file);
    const port = await freePort();
    // Hundreds of ticket-opening lookups from one address: neither limit is what this test is about.
    stop = await startServer(
      testConfig({ databasePath, port, rateLimitPerMinute: 0, ticketQuota: { anonymousPerHour: 100_000, readerPerHour: 100_000 } }),
    );
    const base = `http://127.0.0.1:${port}`;

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const child = spawn(process.execPath, [BIN, 'import', file, '--json'], {
      env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let importing = true;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    void exited.then(() => (importing = false));

    const tickets: Answer[] = [];
    const lookups: Answer[] = [];
    const health: Answer[] = [];
    let unknown = 0;
    // Three clients at a time, as forms and a technician would be; each waits for its answer.
    const client = async (ask: () => Promise<void>) => {
      while (importing) await ask();
    };
    await Promise.all([
      client(async () => {
        tickets.push(await get(base, `/v1/certificates/${encodeURIComponent(registration(2023, 1 + (unknown % 20), unknown++))}`));
      }),
      client(async () => {
        const n = lookups.length;
        lookups.push(await get(base, `/v1/certificates/${encodeURIComponent(registration(2018 + (n % 5), 1 + (n % 20), n % 1000))}`));
      }),
      client(async () => {
        health.push(await get(base, '/healthz'));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }),
    ]);
    loopDelay.disable();

    expect(stderr).not.toContain('database is locked');
    expect(await exited).toBe(0);
    const report = JSON.parse(stdout) as { counts: { total: number; rejected: number; certificatesCreated: number } };
    expect(report.counts).toMatchObject({ total: ROWS, rejected: 0, certificatesCreated: ROWS });

    // The traffic really ran beside the import, and every answer is an answer: nothing locked, nothing busy.
    expect(tickets.length).toBeGreaterThanOrEqual(20);
    expect(new Set(tickets.map((a) => `${a.status} ${a.code}`))).toEqual(new Set(['404 certificate_not_found']));
    for (const answer of lookups) expect([200, 404]).toContain(answer.status);
    expect(health.every((a) => a.status === 200)).toBe(true);

    // Waiting for the import's lock never blocks the server's event loop: SQLite's synchronous busy
    // wait held it for up to 5 s at a time. The bound leaves room for a machine loaded by other work.
    expect(loopDelay.max / 1e6).toBeLessThan(2_000);
    expect(Math.max(...health.map((a) => a.ms))).toBeLessThan(2_000);

    await stop();
    stop = undefined;
    const after = openDatabase(databasePath);
    try {
      // One ticket per number asked for that no import brings (plain lookups of rows not imported yet open some too).
      const opened = after.sqlite.prepare(`SELECT count(*) AS n FROM tickets WHERE canonical LIKE '粤械注准2023%'`).get() as { n: number };
      expect(opened.n).toBe(tickets.length);
    } finally {
      after.close();
    }
  }, 240_000);
});

describe('two processes writing at once', () => {
  it('both succeed: every write transaction takes the lock before it reads what it writes', async () => {
    const databasePath = tempDatabasePath();
    openDatabase(databasePath).close();
    const batches = 150;
    const writer = (year: number) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.join(import.meta.dirname, 'writer-child.ts'), databasePath, String(year), String(batches)],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const [first, second] = await Promise.all([writer(2021), writer(2022)]);
    expect(first).toEqual({ code: 0, output: 'done\n' });
    expect(second).toEqual({ code: 0, output: 'done\n' });
    const after = openDatabase(databasePath);
    opened.push(after);
    expect(after.sqlite.prepare('SELECT count(*) AS n FROM certificates').get()).toEqual({ n: 2 * batches * 3 });
  }, 120_000);
});

describe('a server write that finds another process holding the lock', () => {
  it('waits on timers, leaving the event loop free, and writes once the lock is let go', async () => {
    const databasePath = tempDatabasePath();
    const server = openDatabase(databasePath);
    opened.push(server);
    server.sqlite.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
    const holder = lockHolder(databasePath);
    const state = new ServiceState(server.sqlite);

    const written = new WriteLock(10_000).run(() => state.set('probe', 'written'));
    expect(written).toBeInstanceOf(Promise);
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      ticks++;
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(state.get('probe')).toBeNull();
    holder.sqlite.exec('COMMIT');
    await written;
    clearInterval(ticker);

    expect(state.get('probe')).toBe('written');
    // SQLite's busy handler would have held the loop for the whole 300 ms.
    expect(ticks).toBeGreaterThan(5);
    expect(longestGap).toBeLessThan(150);
  });

  it('answers 503 database_busy with Retry-After once it has waited DATABASE_WRITE_WAIT_MS, and opens the ticket later', async () => {
    const databasePath = tempDatabasePath();
    const context: TestContext = await buildTestApp({ config: { databasePath, databaseWriteWaitMs: 200 } });
    opened.push(context);
    context.services.database.sqlite.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
    const holder = lockHolder(databasePath);
    const url = `/v1/certificates/${encodeURIComponent('粤械注准20232010001')}`;

    const busy = await context.app.inject({ method: 'GET', url });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['content-type']).toContain('application/problem+json');
    expect(busy.headers['retry-after']).toBe('5');
    const problem = busy.json() as { code: string; message: { zh: string; en: string }; retryAfterSeconds: number };
    expect(problem.code).toBe('database_busy');
    expect(problem.message.zh).toMatch(/^[^A-Za-z]+$/);
    expect(problem.retryAfterSeconds).toBe(5);

    holder.sqlite.exec('COMMIT');
    const later = await context.app.inject({ method: 'GET', url });
    expect(later.statusCode).toBe(404);
    expect(later.json()).toMatchObject({ code: 'certificate_not_found', ticket: { requestCount: 1 } });
  });
});
