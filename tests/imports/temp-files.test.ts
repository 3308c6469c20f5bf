import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepLeftoverTempDirs, tempRoot } from '../../src/shared/temp-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A pid that ran a moment ago and does not run now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('temp folders of certref processes', () => {
  it('are removed at start when their process is gone, and kept while it runs', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-test-'));
    try {
      const dead = path.join(parent, `certref-${deadPid()}-0123456789ab`);
      const alive = path.join(parent, `certref-${process.ppid}-0123456789ab`);
      const mine = path.join(parent, `certref-${process.pid}-0123456789ab`);
      const other = path.join(parent, 'certref-attachments');
      for (const dir of [dead, alive, mine, other]) fs.mkdirSync(path.join(dir, 'import-x'), { recursive: true });
      fs.writeFileSync(path.join(dead, 'import-x', 'upload'), 'left by a killed import');

      expect(await sweepLeftoverTempDirs(parent)).toEqual([dead]);
      expect(fs.readdirSync(parent).sort()).toEqual([alive, mine, other].map((dir) => path.basename(dir)).sort());
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it("are what a killed import leaves, and the command line's next start removes them", async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'spool-crash-child.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const folder = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /spooling (\S+)\n/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`the child ended before spooling: ${output}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // The spooled upload is still there: no exit handler ran.
    const [spool] = fs.readdirSync(folder);
    expect(fs.readdirSync(path.join(folder, spool!))).toEqual(['upload']);

    const next = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(next.status).toBe(0);
    expect(fs.existsSync(folder)).toBe(false);
  }, 60_000);

  it('belong to one folder per process, named for the pid', () => {
    expect(path.basename(tempRoot())).toMatch(new RegExp(`^certref-${process.pid}-[0-9a-f]{12}$`));
    expect(path.dirname(tempRoot())).toBe(os.tmpdir());
  });
});
