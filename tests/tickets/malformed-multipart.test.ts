import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, tempDir } from './fixtures.ts';

const B = 'certref-hostile';
const FORM = `multipart/form-data; boundary=${B}`;
const CSV = '注册证编号,产品名称,注册人名称,批准日期\r\n粤械注准20172010123,口罩,某公司,2022-05-01\r\n';
const filePart = (name = 'file', fileName = 'a.csv', content: string | Buffer = CSV) =>
  Buffer.concat([
    Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
const closing = Buffer.from(`--${B}--\r\n`);

/** Bodies no browser sends: each must get a coded 4xx, never a 500. */
const HOSTILE: { name: string; contentType: string; body: Buffer }[] = [
  { name: 'no boundary in the content type', contentType: 'multipart/form-data', body: Buffer.concat([filePart(), closing]) },
  {
    name: 'a boundary the body does not use',
    contentType: 'multipart/form-data; boundary=other',
    body: Buffer.concat([filePart(), closing]),
  },
  { name: 'an empty body', contentType: FORM, body: Buffer.alloc(0) },
  { name: 'only the closing boundary', contentType: FORM, body: closing },
  { name: 'truncated in the middle of the file', contentType: FORM, body: filePart().subarray(0, 150) },
  { name: 'truncated in the part headers', contentType: FORM, body: Buffer.from(`--${B}\r\nContent-Disposition: form-da`) },
  {
    name: 'a part without Content-Disposition',
    contentType: FORM,
    body: Buffer.from(`--${B}\r\nContent-Type: text/csv\r\n\r\n${CSV}\r\n--${B}--\r\n`),
  },
  {
    name: 'junk in Content-Disposition',
    contentType: FORM,
    body: Buffer.from(`--${B}\r\nContent-Disposition: ;;;==="\r\n\r\n${CSV}\r\n--${B}--\r\n`),
  },
  {
    name: 'a field instead of a file',
    contentType: FORM,
    body: Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"\r\n\r\n${CSV}\r\n--${B}--\r\n`),
  },
  { name: 'two files', contentType: FORM, body: Buffer.concat([filePart(), filePart('file', 'b.csv'), closing]) },
  {
    name: 'no file field at all',
    contentType: FORM,
    body: Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${B}--\r\n`),
  },
  {
    name: 'binary junk for part headers',
    contentType: FORM,
    body: Buffer.concat([
      Buffer.from(`--${B}\r\n`),
      Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a]),
      Buffer.from(`data\r\n--${B}--\r\n`),
    ]),
  },
  {
    name: 'a part header line of 200 KB',
    contentType: FORM,
    body: Buffer.from(
      `--${B}\r\nX-Junk: ${'x'.repeat(200 * 1024)}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${CSV}\r\n--${B}--\r\n`,
    ),
  },
  {
    name: 'a boundary longer than 70 characters',
    contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`,
    body: Buffer.concat([filePart(), closing]),
  },
  { name: 'random bytes', contentType: FORM, body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  { name: 'junk straight after the boundary', contentType: FORM, body: Buffer.from(`--${B}junk\r\n\r\n${CSV}\r\n--${B}--\r\n`) },
  {
    name: 'many fields before the file',
    contentType: FORM,
    body: Buffer.concat([
      ...Array.from({ length: 40 }, (_, i) => Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`)),
      filePart(),
      closing,
    ]),
  },
];

let ctx: TestContext;
let keys: Keys;
let dir: string;
let ticketHref: string;
beforeAll(async () => {
  dir = tempDir('certref-hostile-');
  ctx = await buildTestApp({ config: { attachmentsDir: dir, rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
  ticketHref = (await missLookup(ctx.app)).body.ticket.href;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { route: 'POST /v1/imports', url: () => '/v1/imports', key: () => keys.admin },
  { route: 'POST /v1/tickets/{id}/attachments', url: () => `${ticketHref}/attachments`, key: () => keys.technician },
])('$route with a malformed multipart body', ({ url, key }) => {
  it.each(HOSTILE)('answers a coded 4xx problem for $name', async ({ contentType, body }) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...bearer(key()), 'content-type': contentType },
      payload: body,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toMatch(/^[a-z_]+$/);
    expect(problem.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem.message.en).not.toBe('');
  });
});
