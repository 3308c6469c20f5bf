import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/certref.js');

/** Every live process whose environment names this database: certref itself and anything it started. */
function processesUsing(databasePath: string): number[] {
  const marker = `\0DATABASE_PATH=${databasePath}\0`;
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return `\0${fs.readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(marker);
      } catch {
        return false; // gone meanwhile, or another user's
      }
    })
    .map(Number);
}

/** Resolves once the server logs that it is serving; rejects if the process ends first. */
async function serving(certref: ChildProcess): Promise<void> {
  let log = '';
  await new Promise<void>((resolve, reject) => {
    certref.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('certref is serving')) resolve();
    });
    certref.once('exit', (code) => reject(new Error(`certref serve ended (${code}) before serving:\n${log}`)));
  });
}

let dir: string | undefined;
let databasePath = '';
afterEach(() => {
  // Whatever a failed run left behind must not outlive the test.
  for (const pid of processesUsing(databasePath)) process.kill(pid, 'SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the installed certref command, killed', () => {
  it('leaves no process behind after kill -9: the CLI runs in the certref process itself', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-kill-'));
    databasePath = path.join(dir, 'certref.db');
    const certref = spawn(process.execPath, [BIN, 'serve'], {
      cwd: dir,
      env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, DEMO_DATA: 'false', PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await serving(certref);
    // The scan sees the server while it runs, so an empty scan below means it is gone.
    expect(processesUsing(databasePath)).toContain(certref.pid);

    const exited = once(certref, 'exit');
    certref.kill('SIGKILL');
    await exited;
    await expect.poll(() => processesUsing(databasePath), { timeout: 5_000 }).toEqual([]);
  }, 90_000);
});
