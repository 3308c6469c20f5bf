import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRoot } from '../../src/shared/temp-files.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { buildXlsx } from '../imports/xlsx-builder.ts';
import { HEADER, messyCsvText, multipartUpload, rawUpload } from './template-fixtures.ts';

const LIMIT = 64 * 1024;
const INFLATE_LIMIT = 1024 * 1024;

let t: TestContext;
beforeEach(async () => {
  t = await buildTestApp({ config: { precheckMaxBytes: LIMIT, importMaxDecompressedBytes: INFLATE_LIMIT } });
});
afterEach(() => t.close());

const count = (table: string) => (t.services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * An OLE compound file (CFB) as Excel writes a workbook with an opening password: the header, then
 * a directory sector naming the streams. Only what tells it apart is filled in.
 */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, index) => {
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, index * 128);
    directory.writeUInt16LE(encoded.length, index * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}

async function refused(payload: { payload: Buffer; headers: Record<string, string> }, url = '/v1/prechecks') {
  const response = await t.app.inject({ method: 'POST', url, ...payload });
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.message.zh).toMatch(/\p{Script=Han}/u);
  expect(body.message.en).toMatch(/[a-z]/);
  // However it ended, the upload's spooled copy and the half-written output are gone, and no pre-check is left running.
  expect(fs.readdirSync(tempRoot())).toEqual([]);
  expect(count("prechecks WHERE status = 'running'")).toBe(0);
  return { status: response.statusCode, body };
}

describe('files a pre-check refuses, each with a coded problem and never a 500', () => {
  it('a file with no certificate-number column is not a template (400)', async () => {
    const { status, body } = await refused(rawUpload(Buffer.from('名称,数量\r\n口罩,3\r\n')));
    expect(status).toBe(400);
    expect(body.code).toBe('precheck_not_a_template');
  });

  it('a file over PRECHECK_MAX_MB is refused (413), whether its size is declared or not', async () => {
    const big = Buffer.from(`${HEADER.join(',')}\r\n${'粤械注准20232140001,口罩,,,,,\r\n'.repeat(3000)}`);
    expect(big.length).toBeGreaterThan(LIMIT);
    const declared = await refused(rawUpload(big));
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: 'precheck_too_large', limitBytes: LIMIT });
    const streamed = await refused(multipartUpload(big, 'big.csv'));
    expect(streamed.status).toBe(413);
    expect(streamed.body.code).toBe('precheck_too_large');
  });

  it('an XLSX that inflates past IMPORT_MAX_DECOMPRESSED_MB is refused as a zip bomb (413)', async () => {
    const bomb = buildXlsx([HEADER, ['粤械注准20232140001', '口罩', '', '', '', '', '']], { padding: 8 * INFLATE_LIMIT });
    expect(bomb.length).toBeLessThan(LIMIT);
    const { status, body } = await refused(multipartUpload(bomb, 'bomb.xlsx'));
    expect(status).toBe(413);
    expect(body.code).toBe('import_decompressed_too_large');
  });

  it('a password-protected workbook is refused as encrypted (415), a legacy .xls as such', async () => {
    const encrypted = await refused(multipartUpload(compoundFile(['EncryptionInfo', 'EncryptedPackage']), '加密.xlsx'));
    expect(encrypted.status).toBe(415);
    expect(encrypted.body.code).toBe('precheck_encrypted_workbook');
    const legacy = await refused(multipartUpload(compoundFile(['Workbook']), '旧版.xls'));
    expect(legacy.status).toBe(415);
    expect(legacy.body.code).toBe('import_xls_not_supported');
  });

  it('a CSV in UTF-16 without a byte order mark is an unknown encoding (415)', async () => {
    const { status, body } = await refused(rawUpload(iconv.encode(messyCsvText(), 'utf-16le')));
    expect(status).toBe(415);
    expect(body).toMatchObject({ code: 'precheck_unknown_encoding', detail: 'nul_bytes' });
  });

  it('a CSV whose bytes are valid in neither UTF-8 nor GB18030 is an unknown encoding (415)', async () => {
    const text = Buffer.concat([iconv.encode(messyCsvText(), 'gbk'), Buffer.from([0x80, 0xff, 0x0d, 0x0a])]);
    const { status, body } = await refused(rawUpload(text));
    expect(status).toBe(415);
    expect(body).toMatchObject({ code: 'precheck_unknown_encoding', detail: 'invalid_bytes' });
  });

  it('a request without a file is a 400, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/prechecks',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('import_no_file');
  });
});

describe('encodings a pre-check keeps', () => {
  it('writes a UTF-8 CSV with a byte order mark back with its byte order mark', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER.join(',')}\r\n粤械注准 20232140001,,,,,,\r\n`)]);
    const response = await t.app.inject({ method: 'POST', url: '/v1/prechecks?respond=file', ...rawUpload(body) });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.rawPayload.toString('utf8')).toContain('粤械注准20232140001,,,,,,,未收录');
    expect(fs.readdirSync(tempRoot())).toEqual([]);
  });
});
