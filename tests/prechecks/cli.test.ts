import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliCommand, type TestIo } from '../helpers/cli-io.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { messyGbkCsv, multipartUpload, storeKnownCertificates } from './template-fixtures.ts';

const runPrecheck = cliCommand('precheck');

function captureIo(env: Record<string, string>): TestIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdout = { write: (text: string) => (out += text), isTTY: false };
  const stderr = { write: (text: string) => (err += text) };
  return { stdout, stderr, env, out: () => out, err: () => err };
}

let dir: string;
let env: Record<string, string>;
let t: TestContext;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-precheck-cli-'));
  const databasePath = path.join(dir, 'cli.db');
  env = { DATABASE_PATH: databasePath, DEMO_DATA: 'false', LOG_LEVEL: 'silent' };
  // The real clock, as the command has: both judge validity on the same day.
  t = await buildTestApp({ now: () => new Date(), config: { databasePath } });
  storeKnownCertificates(t.services);
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What a summary says about the file, without what differs between two runs (the run's own id, who opened the ticket). */
function verdicts(summary: {
  counts: unknown;
  rows: { row: number; status: string; number: string | null; changes: unknown; ticket: { ref: string } | null }[];
}) {
  return {
    counts: summary.counts,
    rows: summary.rows.map(({ row, status, number, changes, ticket }) => ({ row, status, number, changes, ticket: ticket?.ref ?? null })),
  };
}

describe('certref precheck', () => {
  it('writes <name>.checked.csv beside the file and prints a Chinese summary', async () => {
    const file = path.join(dir, '产品信息.csv');
    fs.writeFileSync(file, messyGbkCsv());
    const io = captureIo(env);
    expect(await runPrecheck([file], io)).toBe(0);
    const output = path.join(dir, '产品信息.checked.csv');
    expect(io.out()).toContain(`更正文件已写入 corrected file written to: ${output}`);
    expect(io.out()).toMatch(/已更正 corrected\s+2/);
    expect(io.out()).toMatch(/未收录 not listed\s+3/);
    expect(iconv.decode(fs.readFileSync(output), 'gbk')).toContain('粤械注准20232140001,医用外科口罩,广州甲医疗器械有限公司,2023-03-10');
  });

  it('gives the same summary as the API, and -o puts the file where it is asked', async () => {
    const file = path.join(dir, 'template.csv');
    fs.writeFileSync(file, messyGbkCsv());
    const api = (await t.app.inject({ method: 'POST', url: '/v1/prechecks', ...multipartUpload(messyGbkCsv(), 'template.csv') })).json();
    const io = captureIo(env);
    const output = path.join(dir, 'out.csv');
    expect(await runPrecheck([file, '-o', output, '--json'], io)).toBe(0);
    const cli = JSON.parse(io.out());
    expect(cli.output).toBe(output);
    expect(fs.existsSync(output)).toBe(true);
    expect(verdicts(cli)).toEqual(verdicts(api));
    expect(cli.tickets.map((ticket: { ref: string }) => ticket.ref)).toEqual(api.tickets.map((ticket: { ref: string }) => ticket.ref));
  });

  it('refuses a file that is not a template with its code, exit 1, and writes nothing', async () => {
    const file = path.join(dir, 'other.csv');
    fs.writeFileSync(file, '名称,数量\r\n口罩,3\r\n');
    const io = captureIo(env);
    expect(await runPrecheck([file], io)).toBe(1);
    expect(io.err()).toContain('precheck_not_a_template');
    expect(fs.readdirSync(dir).filter((name) => name.includes('checked'))).toEqual([]);
  });
});
