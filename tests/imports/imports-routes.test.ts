import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authPlugin } from '../../src/auth/auth.plugin.ts';
import { importerFor } from '../../src/imports/importer.ts';
import { importsRoutes } from '../../src/imports/imports.routes.ts';
import { ApiKeysRepository } from '../../src/keys/api-keys.repository.ts';
import { registerErrorHandlers } from '../../src/shared/error-handler.ts';
import { csv, type Harness, HEADER, HINT, harness, ROWS } from './helpers.ts';

const TOKEN = 'admin-token-for-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The real app's setup (zod compilers, error handlers, auth, 1 MB body limit) around the import routes. */
async function appWith(h: Harness, maxBytes?: number): Promise<FastifyInstance> {
  const { services } = h;
  services.config.adminToken = TOKEN;
  const app = Fastify({ bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandlers(app);
  const keys = new ApiKeysRepository(services.database.sqlite, services.changeLog, services.now);
  await app.register(authPlugin({ keys, adminToken: TOKEN, lookupsRequireKey: false }));
  await app.register(importsRoutes(importerFor(h.services), maxBytes ? { maxBytes } : {}));
  await app.ready();
  return app;
}

function multipart(fileName: string, content: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----certref-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let h: Harness;
let app: FastifyInstance;
beforeEach(async () => {
  h = harness();
  app = await appWith(h);
});
afterEach(async () => {
  await app.close();
  h.close();
});

describe('POST /v1/imports', () => {
  it('imports a multipart upload and answers 201 with the report', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      ...multipart('上报模板.csv', Buffer.from(csv([HEADER, HINT, ...ROWS]))),
    });
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ fileName: '上报模板.csv', format: 'csv', counts: { versionsAdded: 3, hintRowsSkipped: 1 } });
    expect(response.headers.location).toBe(`/v1/imports/${report.id}`);
    expect(h.versions()[0]?.source_ref).toBe('上报模板.csv');
  });

  it('imports a raw text/csv body beyond the 1 MB JSON limit, and a raw JSON Lines body', async () => {
    // The same document again and again: stored once, the rest unchanged.
    const big = Buffer.from(csv([HEADER, ...ROWS, ...Array.from({ length: 15_000 }, () => ROWS[0]!)]));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/imports?fileName=big.csv&source=demo',
      headers: { ...auth, 'content-type': 'text/csv; charset=utf-8' },
      payload: big,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      fileName: 'big.csv',
      source: 'demo',
      counts: { total: 15_003, versionsAdded: 3, unchanged: 15_000 },
    });

    const line = JSON.stringify({ number: '湘械注准20192140881', product_name: '敷料', approval_date: '2019-05-01' });
    const jsonl = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      headers: { ...auth, 'content-type': 'application/x-ndjson' },
      payload: `${line}\n`,
    });
    expect(jsonl.statusCode).toBe(201);
    expect(jsonl.json()).toMatchObject({ fileName: 'upload.jsonl', format: 'jsonl', counts: { versionsAdded: 1 } });
  });

  it('requires the admin token', async () => {
    const { payload, headers } = multipart('a.csv', Buffer.from(csv([HEADER, ...ROWS])));
    const anonymous = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      payload,
      headers: { 'content-type': headers['content-type']! },
    });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/v1/imports', payload, headers: { ...headers, authorization: 'Bearer nope' } });
    expect([401, 403]).toContain(wrong.statusCode);
    expect(h.versions()).toEqual([]);
  });

  it.each([
    [
      'a file without the required columns',
      'a.csv',
      Buffer.from(csv([['注册证编号'], ['粤械注准20172010123']])),
      400,
      'import_missing_columns',
    ],
    ['a damaged workbook', 'a.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), 400, 'import_broken_xlsx'],
    ['a PDF', 'a.pdf', Buffer.from('%PDF-1.4\n…'), 415, 'import_unsupported_format'],
    ['an empty file', 'a.csv', Buffer.alloc(0), 400, 'import_empty_file'],
  ])('refuses %s with a problem document and writes nothing', async (_name, fileName, content, status, code) => {
    const response = await app.inject({ method: 'POST', url: '/v1/imports', ...multipart(fileName, content) });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code, status, message: { zh: expect.any(String), en: expect.any(String) } });
    expect(h.versions()).toEqual([]);
  });

  it('refuses a request without a file, and an unsupported content type', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/v1/imports',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'import_no_file' });
    const image = await app.inject({ method: 'POST', url: '/v1/imports', headers: { ...auth, 'content-type': 'image/png' }, payload: 'x' });
    expect(image.statusCode).toBe(415);
  });

  it('answers 413 import_too_large over the limit, multipart or raw', async () => {
    const other = harness();
    const small = await appWith(other, 1000);
    try {
      const content = Buffer.from(csv([HEADER, ...ROWS, ...Array.from({ length: 50 }, () => ROWS[0]!)]));
      const upload = await small.inject({ method: 'POST', url: '/v1/imports', ...multipart('big.csv', content) });
      expect(upload.statusCode).toBe(413);
      expect(upload.json()).toMatchObject({ code: 'import_too_large' });
      const raw = await small.inject({
        method: 'POST',
        url: '/v1/imports',
        headers: { ...auth, 'content-type': 'text/csv' },
        payload: content,
      });
      expect(raw.statusCode).toBe(413);
      expect(raw.json()).toMatchObject({ code: 'import_too_large' });
    } finally {
      await small.close();
      other.close();
    }
  });
});

describe('POST and GET answer the same report', () => {
  it('the POST body of a finished import equals the later GET body, issues and layout included', async () => {
    const extra = [...HEADER, '备注栏'];
    const rows = [extra, ...ROWS.map((row) => [...row, '']), [`粤械注准1`, '口罩', '', '2022-05-01', '', '', '', '']];
    const posted = await app.inject({ method: 'POST', url: '/v1/imports', ...multipart('mixed.csv', Buffer.from(csv(rows))) });
    expect(posted.statusCode).toBe(201);
    const body = posted.json();
    expect(body).toMatchObject({ status: 'completed', headerRow: 1, ignoredColumns: ['备注栏'], counts: { rejected: 1 } });
    expect(body.durationMs).toBeGreaterThanOrEqual(0);
    expect(body.issues.items.length).toBeGreaterThan(0);

    const later = await app.inject({ method: 'GET', url: posted.headers.location as string, headers: auth });
    expect(later.statusCode).toBe(200);
    expect(later.json()).toEqual(body);
  });
});

describe('GET /v1/imports/{id}', () => {
  it('answers the run with its issues, paginated', async () => {
    const rows = [HEADER, ...ROWS, ...Array.from({ length: 5 }, (_, i) => [`粤械注准${i}`, '口罩', '', '2022-05-01', '', '', ''])];
    const posted = await app.inject({ method: 'POST', url: '/v1/imports', ...multipart('bad.csv', Buffer.from(csv(rows))) });
    const id = posted.json().id as number;

    const page = await app.inject({ method: 'GET', url: `/v1/imports/${id}?offset=1&limit=2`, headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      id,
      fileName: 'bad.csv',
      status: 'completed',
      counts: { total: 8, versionsAdded: 3, rejected: 5 },
      issues: { total: 5, offset: 1, limit: 2, items: [{ row: 6 }, { row: 7 }] },
    });
    const missing = await app.inject({ method: 'GET', url: '/v1/imports/999', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'import_run_not_found' });
  });
});
