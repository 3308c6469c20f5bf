import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/certref.js');

// Module hooks that refuse the database and HTTP stacks: a command that loads them fails loudly.
const REFUSE = `export async function resolve(specifier, context, next) {
  if (/^(better-sqlite3|drizzle-orm|fastify)(\\/|$)/.test(specifier)) throw new Error('database stack loaded: ' + specifier);
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(REFUSE)}`)});`;

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function certrefWithoutDatabaseStack(...args: string[]) {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'certref-startup-'));
  return spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, BIN, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, DATABASE_PATH: path.join(dir, 'certref.db'), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('certref start-up', () => {
  it('runs numbers (and --help) without loading the database stack; a command that needs it does load it', () => {
    const numbers = certrefWithoutDatabaseStack('numbers', '粤械注准 2017 2010123');
    expect(numbers.stderr).toBe('');
    expect(numbers.status).toBe(0);
    expect(JSON.parse(numbers.stdout).numbers[0].canonical).toBe('粤械注准20172010123');

    expect(certrefWithoutDatabaseStack('--help').status).toBe(0);

    // The hooks do refuse: a command with a database fails under them.
    const keys = certrefWithoutDatabaseStack('keys', 'list');
    expect(keys.status).toBe(1);
    expect(keys.stderr).toContain('database stack loaded');
  }, 120_000);
});
