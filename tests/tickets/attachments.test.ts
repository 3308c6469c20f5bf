import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, JPEG_HEAD, type Keys, missLookup, multipart, PNG_BYTES, pdfBytes, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
let dir: string;
let ticketHref: string;
beforeEach(async () => {
  dir = tempDir('certref-att-');
  ctx = await buildTestApp({ config: { attachmentsDir: dir, rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
  ticketHref = `/v1/tickets/${(await missLookup(ctx.app, undefined, keys.reader)).body.ticket.id}`;
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function upload(file: Buffer, name: string, key: string | undefined = keys.technician, href = ticketHref) {
  const { payload, headers } = multipart(file, name);
  return ctx.app.inject({ method: 'POST', url: `${href}/attachments`, payload, headers: { ...headers, ...bearer(key) } });
}

describe('evidence', () => {
  it.each([
    ['PDF', pdfBytes(), 'scan.bin', 'application/pdf', 'pdf'],
    ['PNG', PNG_BYTES, 'certificate.pdf', 'image/png', 'png'],
    ['JPEG', Buffer.concat([JPEG_HEAD, Buffer.alloc(2000, 1)]), 'photo', 'image/jpeg', 'jpg'],
  ])('accepts a %s recognised by its content, stored under its sha256', async (_kind, bytes, name, mediaType, extension) => {
    const response = await upload(bytes, name);
    expect(response.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(response.json()).toMatchObject({ sha256, mediaType, sizeBytes: bytes.length, fileName: name });
    expect(fs.readFileSync(path.join(dir, sha256.slice(0, 2), `${sha256}.${extension}`)).equals(bytes)).toBe(true);
    const download = await ctx.app.inject({ url: response.json().href, headers: bearer(keys.technician) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe(mediaType);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses anything else whatever it is called: 415', async () => {
    const response = await upload(Buffer.from('MZ\x90\x00 not a certificate'), 'certificate.pdf');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('attachment_type_not_allowed');
    expect(fs.readdirSync(dir).filter((f) => f !== 'tmp')).toEqual([]);
  });

  it('refuses over 20 MB with 413 attachment_too_large and a Chinese message naming the limit', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const response = await upload(big, 'big.pdf');
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('attachment_too_large');
    expect(body.message.zh).toContain('20 MB');
    expect(fs.readdirSync(path.join(dir, 'tmp'), { withFileTypes: true }).length).toBe(0);
  });

  it('takes exactly 20 MB', async () => {
    const limit = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024 - pdfBytes().length, 0x20)]);
    expect((await upload(limit, 'limit.pdf')).statusCode).toBe(201);
  });

  it('keeps the same file once per ticket (200 the second time)', async () => {
    expect((await upload(pdfBytes(), 'a.pdf')).statusCode).toBe(201);
    expect((await upload(pdfBytes(), 'b.pdf')).statusCode).toBe(200);
    const detail = (await ctx.app.inject({ url: ticketHref, headers: bearer(keys.technician) })).json();
    expect(detail.attachments).toHaveLength(1);
  });

  it('requesters of the ticket may attach; other readers may not', async () => {
    expect((await upload(pdfBytes('reader'), 'mine.pdf', keys.reader)).statusCode).toBe(201);
    const other = ctx.services.apiKeys.create({ name: '另一家公司', role: 'reader' }, 'test').key;
    const refused = await upload(pdfBytes('other'), 'theirs.pdf', other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_a_requester');
  });

  it('is recorded in the ticket’s audit trail', async () => {
    const response = await upload(pdfBytes(), '注册证.pdf');
    const id = ticketHref.split('/').pop()!;
    const history = (await ctx.app.inject({ url: `/v1/tickets/${id}/history`, headers: bearer(keys.technician) })).json();
    expect(history.entries.at(-1)).toMatchObject({
      action: 'attachment_added',
      after: { attachment: { sha256: response.json().sha256, fileName: '注册证.pdf' } },
    });
  });

  it('a request without a file is a 400; an unknown ticket a 404', async () => {
    const empty = await ctx.app.inject({
      method: 'POST',
      url: `${ticketHref}/attachments`,
      headers: { 'content-type': 'multipart/form-data; boundary=x', ...bearer(keys.technician) },
      payload: '--x--\r\n',
    });
    expect(empty.statusCode).toBe(400);
    expect((await upload(pdfBytes(), 'a.pdf', keys.technician, '/v1/tickets/424242')).statusCode).toBe(404);
  });
});
