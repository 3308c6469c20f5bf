import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { cliCommand, type TestIo } from '../helpers/cli-io.ts';
import { csv, type Harness, HEADER, HINT, harness, ROWS } from './helpers.ts';

const runImport = cliCommand('import');

function captureIo(env: Record<string, string>): TestIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdout = {
    write: (text: string) => {
      out += text;
      return true;
    },
    isTTY: false,
  } as unknown as CliIo['stdout'];
  const stderr = {
    write: (text: string) => {
      err += text;
      return true;
    },
  };
  return { stdout, stderr, env, out: () => out, err: () => err };
}

let h: Harness;
let env: Record<string, string>;
beforeEach(() => {
  h = harness();
  env = { DATABASE_PATH: path.join(h.dir, 'cli.db'), DEMO_DATA: 'false', LOG_LEVEL: 'silent' };
});
afterEach(() => h.close());

describe('certref import', () => {
  it('imports a file into the configured database and prints a readable report', async () => {
    const file = h.file('certs.csv', csv([HEADER, HINT, ...ROWS]));
    const io = captureIo(env);
    expect(await runImport([file], io)).toBe(0);
    expect(io.out()).toContain('Imported certs.csv (csv, utf-8)');
    expect(io.out()).toMatch(/versions added\s+3/);
    expect(io.out()).toMatch(/hint rows skipped\s+1/);

    const again = captureIo(env);
    expect(await runImport([file, '--json', '--source', 'demo'], again)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({ source: 'demo', counts: { versionsAdded: 0, unchanged: 3 } });
  });

  it('lists the rejected rows with their numbers', async () => {
    const file = h.file('bad.csv', csv([HEADER, ['粤械注准2017201012', '口罩', '', '2022-05-01', '', '', ''], ...ROWS]));
    const io = captureIo(env);
    expect(await runImport([file], io)).toBe(0);
    expect(io.out()).toMatch(/row 2 \[注册证编号\] number_/);
  });

  it('exits 1 with the coded error when the file is refused, 2 on bad arguments', async () => {
    const file = h.file('short.csv', csv([['注册证编号'], ['粤械注准20172010123']]));
    const io = captureIo(env);
    expect(await runImport([file], io)).toBe(1);
    expect(io.err()).toContain('import_missing_columns');

    const missing = captureIo(env);
    expect(await runImport([path.join(h.dir, 'nope.csv')], missing)).toBe(1);
    expect(missing.err()).toContain('cannot read');

    const usage = captureIo(env);
    expect(await runImport([], usage)).toBe(2);
    expect(usage.err()).toContain('usage: certref import');
  });
});
