import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, pdfBytes, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
let dir: string;
let base: string;
let href: string;
beforeAll(async () => {
  dir = tempDir('certref-att-');
  ctx = await buildTestApp({ config: { attachmentsDir: dir, rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  href = `/v1/tickets/${(await missLookup(ctx.app)).body.ticket.id}`;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;

/** A multipart body streamed in 1 MB chunks without a Content-Length (chunked transfer encoding). */
function streamedUpload(totalBytes: number): ReadableStream<Uint8Array> {
  const boundary = 'certref-stream';
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdfBytes(),
  ];
  let remaining = totalBytes - pdfBytes().length;
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next) return controller.enqueue(next);
      if (remaining > 0) {
        const size = Math.min(MB, remaining);
        remaining -= size;
        return controller.enqueue(Buffer.alloc(size, 0x20));
      }
      controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      controller.close();
    },
  });
}

async function post(body: ReadableStream<Uint8Array> | Buffer, headers: Record<string, string>) {
  const response = await fetch(`${base}${href}/attachments`, {
    method: 'POST',
    headers: { ...bearer(keys.technician), ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as { code: string; message: { zh: string }; sizeBytes?: number } };
}

describe('evidence over real HTTP', () => {
  it('a streamed upload over 20 MB (no Content-Length) is cut at the limit: 413 attachment_too_large', async () => {
    const { status, body } = await post(streamedUpload(21 * MB), { 'content-type': 'multipart/form-data; boundary=certref-stream' });
    expect(status).toBe(413);
    expect(body.code).toBe('attachment_too_large');
    expect(body.message.zh).toContain('20 MB');
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('a declared Content-Length over the limit is refused before the body is read', async () => {
    const big = Buffer.alloc(22 * MB, 0x20);
    const { status, body } = await post(big, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(status).toBe(413);
    expect(body.code).toBe('attachment_too_large');
  });

  it('a streamed upload within the limit is stored', async () => {
    const { status, body } = await post(streamedUpload(5 * MB), { 'content-type': 'multipart/form-data; boundary=certref-stream' });
    expect(status).toBe(201);
    expect(body.sizeBytes).toBe(5 * MB);
  });
});
