import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Each test starts a TypeScript process; on a busy machine that alone can take many seconds. */
const STARTS = { timeout: 90_000 };

/** Starts a real process with one wrong setting; it must stop before touching any database. */
function startWith(entry: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, entry, {
    cwd: os.tmpdir(),
    env: { DATABASE_PATH: ':memory:', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('a wrong setting at start', () => {
  it('stops the server with the key and what is wrong, in Chinese and English', STARTS, () => {
    const result = startWith(['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/server.ts')], { PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('配置无效 / Invalid configuration:\n  PORT: 须为数字 / Invalid input: expected number, received NaN');
  });

  it('stops a CLI command with the same message and no stack trace', STARTS, () => {
    const result = startWith([path.join(ROOT, 'bin/certref.js'), 'jobs', 'list'], { CORRECTIONS_SWEEP_SCHEDULE: 'hourly' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'certref: 配置无效 / Invalid configuration:\n  CORRECTIONS_SWEEP_SCHEDULE: 不是有效的 cron 表达式 / not a valid cron expression\n',
    );
  });
});
