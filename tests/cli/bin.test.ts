import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/certref.js');

describe('the installed certref command', () => {
  it('runs from any working directory (cron, npm link), finding its own tsx', () => {
    const result = spawnSync(process.execPath, [BIN, 'numbers', '粤械注准 2017 2010123'], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).numbers[0].canonical).toBe('粤械注准20172010123');
  });
});
