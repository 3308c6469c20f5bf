import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRoot } from '../../src/shared/temp-files.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { HEADER, ROWS } from './helpers.ts';
import { buildXlsx } from './xlsx-builder.ts';

const TOKEN = 'admin-token-for-tests-0123456789';
const LIMIT = 1024 * 1024;

function multipart(content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----certref-bomb-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bomb.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestContext;
beforeEach(async () => {
  t = await buildTestApp({ config: { adminToken: TOKEN, importMaxDecompressedBytes: LIMIT } });
});
afterEach(() => t.close());

const count = (table: string) => (t.services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
/** What this process keeps in its temp folder: nothing once an import has ended, however it ended. */
const leftovers = () => fs.readdirSync(tempRoot());

describe('an XLSX that inflates past IMPORT_MAX_DECOMPRESSED_MB', () => {
  it('imports the same workbook unpadded, and leaves no temp files', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/imports', ...multipart(buildXlsx([HEADER, ...ROWS])) });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ format: 'xlsx', counts: { versionsAdded: 3 } });
    expect(leftovers()).toEqual([]);
  });

  it('is refused with 413 import_decompressed_too_large, writing nothing to the database or the disk', async () => {
    // 8 MB of sheet in about 8 KB of upload.
    const bomb = buildXlsx([HEADER, ...ROWS], { padding: 8 * LIMIT });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await t.app.inject({ method: 'POST', url: '/v1/imports', ...multipart(bomb) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'import_decompressed_too_large', limitBytes: LIMIT });
    expect(response.json().message.zh).toMatch(/解压后超过上限/);
    expect(count('import_runs')).toBe(0);
    expect(count('certificate_versions')).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('is stopped while inflating when its directory understates the sheet, before any run exists', async () => {
    const liar = buildXlsx([HEADER, ...ROWS], { padding: 8 * LIMIT, declaredSheetSize: 4096 });
    await expect(t.services.importer.importFile({ buffer: liar, fileName: 'liar.xlsx' })).rejects.toMatchObject({
      code: 'import_broken_xlsx',
      status: 400,
    });
    expect(count('import_runs')).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});

describe('a spooled upload', () => {
  it('is removed when the upload stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from(`${HEADER.join(',')}\r\n`));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(t.services.importer.importFile({ stream: failing, fileName: 'cut.csv' })).rejects.toThrow('client went away');
    expect(leftovers()).toEqual([]);
  });
});
