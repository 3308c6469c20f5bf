import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autofillSchema, batchResponseSchema } from '../../src/autofill/autofill.schemas.ts';
import { certificateViewSchema } from '../../src/certificates/certificates.schemas.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp({ today: '2026-11-25' });
  storeDocuments(ctx.services, [
    {
      number: '国食药监械(进)字2011第3661948号',
      documentType: 'registration',
      approvalDate: '2011-03-01',
      expiryDate: '2015-02-28',
      productName: '人工晶状体',
      holder: 'Eye Co.',
    },
    {
      number: '国械注进20143665578',
      documentType: 'registration',
      approvalDate: '2014-12-05',
      expiryDate: '2019-12-04',
      productName: '人工晶状体',
      holder: 'Eye Co.',
      previousNumbers: [],
    },
    {
      number: '国械注进20143665578',
      documentType: 'renewal',
      approvalDate: '2019-10-01',
      expiryDate: '2024-12-04',
      productName: '人工晶状体',
      holder: 'Eye Co.',
    },
    {
      number: '粤械注准20202071341',
      documentType: 'registration',
      approvalDate: '2020-09-01',
      expiryDate: '2025-08-31',
      productName: '心电监护仪',
      holder: '广州庚医疗有限公司',
    },
    {
      number: '粤械注准20202071341',
      documentType: 'renewal',
      approvalDate: '2025-07-01',
      effectiveDate: '2025-09-01',
      expiryDate: '2030-08-31',
      productName: '心电监护仪',
      holder: '广州庚医疗有限公司',
    },
  ]);
});
afterEach(() => ctx.close());

describe('GET /v1/certificates/{number}', () => {
  it('finds a certificate however the number is typed and lists versions newest first', async () => {
    const typed = ' 粤械注准　2020２０７1341号 ';
    const response = await ctx.app.inject({ method: 'GET', url: `/v1/certificates/${encodeURIComponent(typed)}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.canonical).toBe('粤械注准20202071341');
    expect(body.status).toBe('valid');
    expect(body.number).toMatchObject({ authority: '粤', class: 2, code: '07', year: 2020 });
    expect(body.versions.map((v: { documentType: string }) => v.documentType)).toEqual(['renewal', 'registration']);
    expect(body.current).toMatchObject({ approvalDate: '2025-07-01', effectiveDate: '2025-09-01', expiryDate: '2030-08-31' });
    expect(body.versions[0].provenance).toMatchObject({ source: 'test', sourceRef: 'tests' });
    expect(body.dataAsOf).toBe('2026-11-01T00:00:00.000Z');
    // Answers are serialised by fast-json-stringify, so check them against the zod contract here.
    expect(certificateViewSchema.safeParse(body).error).toBeUndefined();
  });

  it('finds a legacy certificate from a variant spelling (no brackets, no 号)', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/v1/certificates/${encodeURIComponent('国食药监械进字2011第3661948')}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ canonical: '国食药监械(进)字2011第3661948号', status: 'expired' });
  });

  it('answers 422 with reason and suggestions for a malformed number', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/v1/certificates/${encodeURIComponent('粤械注准202020713341')}` });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ code: 'invalid_certificate_number', reason: 'bad_digit_count' });
    // Only numbers the index holds are offered, and marked so.
    expect(body.suggestions).toEqual([{ number: '粤械注准20202071341', known: true }]);
    expect(body.message.zh).toBeTruthy();
    expect(body.message.en).toBeTruthy();
  });

  it('finds the held certificate among the fixes for a dropped digit', async () => {
    // Dropping a digit has ~100 one-edit fixes; only the one we hold is offered.
    const response = await ctx.app.inject({ method: 'GET', url: `/v1/autofill?number=${encodeURIComponent('粤械注准2020207341')}` });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.suggestions).toEqual([{ number: '粤械注准20202071341', known: true }]);
  });

  it('offers a probable re-coded match without substituting it', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/v1/certificates/${encodeURIComponent('粤械注准20202141341')}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'certificate_not_found', probableMatch: '粤械注准20202071341' });
  });

  it('refuses several numbers in one lookup with the numbers it saw', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/certificates/${encodeURIComponent('粤械注准20202071341,国械注进20143665578')}`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'multiple_numbers', numbers: ['粤械注准20202071341', '国械注进20143665578'] });
  });
});

describe('POST /v1/autofill/batch', () => {
  it('answers every input in order: found, not found, invalid', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      payload: { numbers: ['粤械注准20202071341', '湘械注准20192140881', '20202140123'] },
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json();
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['found', 'not_found', 'invalid']);
    expect(results[0].autofill).toMatchObject({ number: '粤械注准20202071341', approvalDate: '2025-07-01' });
    expect(results[1].problem).toMatchObject({ code: 'certificate_not_found', manualEntryAllowed: true });
    expect(results[2].problem).toMatchObject({ code: 'invalid_certificate_number', reason: 'no_authority_prefix' });
    expect(batchResponseSchema.safeParse(response.json()).error).toBeUndefined();
    expect(autofillSchema.safeParse(results[0].autofill).error).toBeUndefined();
  });

  it('rejects more than 1,000 numbers with a 400 problem', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      payload: { numbers: Array.from({ length: 1001 }, () => '粤械注准20202071341') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_request');
  });
});

describe('bad requests are 4xx problems, never 500', () => {
  it.each([
    ['unknown query key', { method: 'GET' as const, url: '/v1/autofill?number=x&surprise=1' }, 400, 'invalid_request'],
    ['missing query key', { method: 'GET' as const, url: '/v1/autofill' }, 400, 'invalid_request'],
    ['query on a route that takes none', { method: 'GET' as const, url: '/v1/reference/authorities?lang=en' }, 400, 'invalid_request'],
    ['query on the health check', { method: 'GET' as const, url: '/healthz?verbose=1' }, 400, 'invalid_request'],
    [
      'query on a POST route',
      { method: 'POST' as const, url: '/v1/numbers/normalize?dryRun=1', payload: { inputs: ['x'] } },
      400,
      'invalid_request',
    ],
    [
      'broken JSON',
      { method: 'POST' as const, url: '/v1/autofill/batch', payload: '{"numbers":', headers: { 'content-type': 'application/json' } },
      400,
      'invalid_json',
    ],
    [
      'unknown body key',
      { method: 'POST' as const, url: '/v1/numbers/normalize', payload: { inputs: ['x'], extra: true } },
      400,
      'invalid_request',
    ],
    [
      'body over 1 MB',
      { method: 'POST' as const, url: '/v1/numbers/normalize', payload: { inputs: ['x'.repeat(1_100_000)] } },
      413,
      'payload_too_large',
    ],
    ['unknown route', { method: 'GET' as const, url: '/v1/nothing' }, 404, 'route_not_found'],
  ])('%s', async (_name, request, status, code) => {
    const response = await ctx.app.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code, status });
    expect(response.json().message.zh).toBeTruthy();
  });
});

describe('POST /v1/numbers/normalize', () => {
  it('returns the engine result for every input', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/numbers/normalize',
      payload: { inputs: ['粵械註準20172010123', ''] },
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json();
    expect(results[0].numbers[0].canonical).toBe('粤械注准20172010123');
    expect(results[1].error.reason).toBe('empty');
  });
});
