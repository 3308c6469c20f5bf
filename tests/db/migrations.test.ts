import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsApplied, openDatabase } from '../../src/db/database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('build the whole schema on an empty file database and report themselves applied', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-migrate-'));
    dirs.push(dir);
    const handle = openDatabase(path.join(dir, 'nested', 'fresh.db'));
    expect(migrationsApplied(handle.sqlite)).toBe(true);
    const tables = handle.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['certificates', 'certificate_versions', 'certificate_links', 'import_runs']),
    );
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    handle.close();
    // Opening again applies nothing twice.
    const again = openDatabase(path.join(dir, 'nested', 'fresh.db'));
    expect(migrationsApplied(again.sqlite)).toBe(true);
    again.close();
  });

  it('agree with the schema in the code (drizzle-kit finds nothing to generate)', () => {
    const output = execFileSync('npx', ['drizzle-kit', 'check'], { encoding: 'utf8' });
    expect(output).toContain('Everything');
    // Generating against a copy of the committed migrations must find no difference to write
    // (drizzle-kit takes --out relative to the working directory).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-gen-'));
    dirs.push(dir);
    fs.cpSync('migrations', path.join(dir, 'migrations'), { recursive: true });
    const generated = execFileSync(
      'npx',
      [
        'drizzle-kit',
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        './src/**/*.table.ts',
        '--out',
        path.relative(process.cwd(), path.join(dir, 'migrations')),
      ],
      { encoding: 'utf8' },
    );
    expect(generated).toContain('nothing to migrate');
  });
});
