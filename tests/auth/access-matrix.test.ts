import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { documentedRoutes } from '../security/documented-routes.ts';
import { bearer, createKeys, type Keys, missLookup, multipart, pdfBytes, RESOLVE_FORM, tempDir } from '../tickets/fixtures.ts';

type Who = 'none' | 'reader' | 'technician' | 'admin';
const WHO: Who[] = ['none', 'reader', 'technician', 'admin'];

interface Case {
  /** What this case asks, when a route has several (the change feed per entity). */
  label?: string;
  expected: Record<Who, number>;
  /** A lookup: without a key it answers 401 when LOOKUPS_REQUIRE_KEY is set. */
  lookup?: boolean;
  request: (who: Who) => Promise<InjectOptions>;
}

let ctx: TestContext;
let keys: Keys;
let serial = 0;

const keyOf = (who: Who): string | undefined => (who === 'none' ? undefined : keys[who]);

/** A new ticket for each cell, looked up by the reader (so the reader is one of its requesters). */
async function freshTicket(): Promise<{ id: number; number: string }> {
  serial++;
  const number = `粤械注准2023207${String(1000 + serial).padStart(4, '0')}`;
  const { body } = await missLookup(ctx.app, number, keys.reader);
  return { id: body.ticket.id, number };
}

function send(request: InjectOptions, who: Who) {
  return ctx.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...bearer(keyOf(who)) } });
}

async function claimAndAttach(id: number, who: Who): Promise<void> {
  await send({ method: 'POST', url: `/v1/tickets/${id}/claim` }, who);
  const { payload, headers } = multipart(pdfBytes(`${id}`), 'evidence.pdf');
  await send({ method: 'POST', url: `/v1/tickets/${id}/attachments`, payload, headers }, who);
}

const CSV = '注册证编号,产品名称,批准日期,有效期至\n粤械注准20172140123,注射器,2022-09-01,2027-08-31\n';
const csvImport = (): InjectOptions => ({
  method: 'POST',
  url: '/v1/imports?fileName=matrix.csv',
  payload: CSV,
  headers: { 'content-type': 'text/csv' },
});

/** Only resolved tickets, so nothing in the matrix sends anywhere. */
const subscriptionRequest = (): InjectOptions => ({
  method: 'POST',
  url: '/v1/subscriptions',
  payload: { events: ['ticket.resolved'], callbackUrl: 'https://hooks.example.org/certref' },
});

/** A subscription of the caller's own organisation (anonymous callers are refused before the id matters). */
async function ownSubscription(who: Who): Promise<number> {
  if (who === 'none') return 1;
  return (await send(subscriptionRequest(), who)).json().id;
}

const all = (status: number) => ({ none: status, reader: status, technician: status, admin: status });
const readerUp = (ok: number) => ({ none: 401, reader: ok, technician: ok, admin: ok });
const technicianUp = (ok: number) => ({ none: 401, reader: 403, technician: ok, admin: ok });
const adminOnly = (ok: number) => ({ none: 401, reader: 403, technician: 403, admin: ok });
const get = (url: string) => async (): Promise<InjectOptions> => ({ url });

/** Every documented route (as the OpenAPI document spells it) with who may call it. */
const MATRIX: Record<string, Case[]> = {
  'GET /healthz': [{ expected: all(200), request: get('/healthz') }],
  'GET /readyz': [{ expected: all(200), request: get('/readyz') }],
  'GET /v1/reference/authorities': [{ expected: all(200), lookup: true, request: get('/v1/reference/authorities') }],
  'GET /v1/reference/catalogues': [{ expected: all(200), lookup: true, request: get('/v1/reference/catalogues') }],
  'GET /v1/autofill': [
    { label: 'a miss', expected: all(404), lookup: true, request: get(`/v1/autofill?number=${encodeURIComponent('粤械注准20232079999')}`) },
  ],
  'GET /v1/certificates': [{ expected: all(200), lookup: true, request: get('/v1/certificates?limit=1') }],
  'GET /v1/certificates/{number}': [
    { expected: all(404), lookup: true, request: get(`/v1/certificates/${encodeURIComponent('粤械注准20232079999')}`) },
  ],
  'POST /v1/autofill/batch': [
    {
      expected: all(200),
      lookup: true,
      request: async () => ({ method: 'POST', url: '/v1/autofill/batch', payload: { numbers: ['粤械注准20232079999'] } }),
    },
  ],
  'POST /v1/prechecks': [
    {
      expected: all(200),
      lookup: true,
      request: async () => ({ method: 'POST', url: '/v1/prechecks', payload: CSV, headers: { 'content-type': 'text/csv' } }),
    },
  ],
  'POST /v1/numbers/normalize': [
    {
      expected: all(200),
      lookup: true,
      request: async () => ({ method: 'POST', url: '/v1/numbers/normalize', payload: { inputs: ['粤械注准20232079999'] } }),
    },
  ],
  'GET /v1/search': [{ expected: all(200), lookup: true, request: get(`/v1/search?q=${encodeURIComponent('注射器')}`) }],
  'GET /v1/status': [{ expected: all(200), lookup: true, request: get('/v1/status') }],
  'GET /v1/udi/certificates/{number}': [
    { expected: all(404), lookup: true, request: get(`/v1/udi/certificates/${encodeURIComponent('国械注准20153661234')}`) },
  ],
  'GET /v1/udi/devices/{di}': [{ expected: all(404), lookup: true, request: get('/v1/udi/devices/06901234567892') }],
  'GET /v1/bundles': [{ expected: all(200), lookup: true, request: get('/v1/bundles') }],
  'GET /v1/bundles/latest': [{ expected: all(404), lookup: true, request: get('/v1/bundles/latest') }],
  'GET /v1/bundles/{id}/{file}': [{ expected: all(404), lookup: true, request: get('/v1/bundles/20000101T000000000Z/manifest.json') }],
  'GET /v1/changes': [
    { label: 'certificates', expected: all(200), lookup: true, request: get('/v1/changes') },
    { label: 'entity=certificate', expected: all(200), lookup: true, request: get('/v1/changes?entity=certificate') },
    { label: 'entity=ticket', expected: technicianUp(200), request: get('/v1/changes?entity=ticket') },
    { label: 'entity=api_key', expected: adminOnly(200), request: get('/v1/changes?entity=api_key') },
  ],
  'GET /v1/tickets/{id}': [
    // By id: the reader's organisation asked for the ticket; without a key, an id is no proof of that.
    {
      label: 'by id',
      expected: { none: 404, reader: 200, technician: 200, admin: 200 },
      lookup: true,
      request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}` }),
    },
    {
      label: 'by ref',
      expected: all(200),
      lookup: true,
      request: async () => ({ url: `/v1/tickets/${ctx.services.tickets.repository.get((await freshTicket()).id)!.ref}` }),
    },
  ],
  'GET /v1/auth/me': [{ expected: all(200), request: get('/v1/auth/me') }],
  'POST /v1/tickets/{id}/attachments': [
    {
      expected: readerUp(201),
      request: async () => {
        const { payload, headers } = multipart(pdfBytes(), 'a.pdf');
        return { method: 'POST', url: `/v1/tickets/${(await freshTicket()).id}/attachments`, payload, headers };
      },
    },
  ],
  'GET /v1/tickets': [{ expected: technicianUp(200), request: get('/v1/tickets?status=open') }],
  'GET /v1/tickets/{id}/history': [
    { expected: technicianUp(200), request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}/history` }) },
  ],
  'GET /v1/tickets/{id}/callbacks': [
    { expected: technicianUp(200), request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}/callbacks` }) },
  ],
  'POST /v1/tickets/{id}/claim': [
    { expected: technicianUp(200), request: async () => ({ method: 'POST', url: `/v1/tickets/${(await freshTicket()).id}/claim` }) },
  ],
  'POST /v1/tickets/{id}/release': [
    {
      expected: technicianUp(200),
      request: async (who) => {
        const { id } = await freshTicket();
        await send({ method: 'POST', url: `/v1/tickets/${id}/claim` }, who);
        return { method: 'POST', url: `/v1/tickets/${id}/release` };
      },
    },
  ],
  'POST /v1/tickets/{id}/resolve': [
    {
      expected: technicianUp(200),
      request: async (who) => {
        const { id, number } = await freshTicket();
        await claimAndAttach(id, who);
        return { method: 'POST', url: `/v1/tickets/${id}/resolve`, payload: { ...RESOLVE_FORM, number } };
      },
    },
  ],
  'POST /v1/tickets/{id}/reject': [
    {
      expected: technicianUp(200),
      request: async (who) => {
        const { id } = await freshTicket();
        await send({ method: 'POST', url: `/v1/tickets/${id}/claim` }, who);
        return { method: 'POST', url: `/v1/tickets/${id}/reject`, payload: { reason: 'no_such_certificate' } };
      },
    },
  ],
  'GET /v1/tickets/{id}/attachments/{attachmentId}': [
    {
      expected: technicianUp(200),
      request: async () => {
        const { id } = await freshTicket();
        const { payload, headers } = multipart(pdfBytes(`download ${id}`), 'a.pdf');
        const uploaded = await send({ method: 'POST', url: `/v1/tickets/${id}/attachments`, payload, headers }, 'technician');
        return { url: uploaded.json().href };
      },
    },
  ],
  'POST /v1/imports': [{ expected: adminOnly(201), request: async () => csvImport() }],
  'GET /v1/imports/{id}': [
    {
      expected: adminOnly(200),
      request: async () => ({ url: `/v1/imports/${(await send(csvImport(), 'admin')).json().id}` }),
    },
  ],
  'POST /v1/keys': [
    {
      expected: adminOnly(201),
      request: async () => ({ method: 'POST', url: '/v1/keys', payload: { name: '新技术员', role: 'technician' } }),
    },
  ],
  'GET /v1/keys': [{ expected: adminOnly(200), request: get('/v1/keys') }],
  'DELETE /v1/keys/{id}': [
    {
      expected: adminOnly(200),
      request: async () => ({
        method: 'DELETE',
        url: `/v1/keys/${ctx.services.apiKeys.create({ name: '待吊销', role: 'reader' }, 'test').record.id}`,
      }),
    },
  ],
  'GET /v1/audit': [{ expected: adminOnly(200), request: get('/v1/audit?limit=5') }],
  'POST /v1/subscriptions': [{ expected: readerUp(201), request: async () => subscriptionRequest() }],
  'GET /v1/subscriptions': [{ expected: readerUp(200), request: get('/v1/subscriptions') }],
  'GET /v1/subscriptions/{id}': [
    { expected: readerUp(200), request: async (who) => ({ url: `/v1/subscriptions/${await ownSubscription(who)}` }) },
  ],
  'DELETE /v1/subscriptions/{id}': [
    { expected: readerUp(200), request: async (who) => ({ method: 'DELETE', url: `/v1/subscriptions/${await ownSubscription(who)}` }) },
  ],
  'POST /v1/subscriptions/{id}/resume': [
    {
      expected: readerUp(200),
      request: async (who) => ({ method: 'POST', url: `/v1/subscriptions/${await ownSubscription(who)}/resume` }),
    },
  ],
  'GET /v1/subscriptions/{id}/deliveries': [
    { expected: readerUp(200), request: async (who) => ({ url: `/v1/subscriptions/${await ownSubscription(who)}/deliveries` }) },
  ],
};

// The route list comes from the API document, so a new route without a row here fails below.
const DOCUMENTED = await documentedRoutes();

describe('the matrix', () => {
  it('has a row for every route in the OpenAPI document, and none for a route it lacks', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(DOCUMENTED.map((route) => route.key).sort());
  });
});

describe.each([
  { lookupsRequireKey: false, title: 'lookups open' },
  { lookupsRequireKey: true, title: 'LOOKUPS_REQUIRE_KEY=true' },
])('$title', ({ lookupsRequireKey }) => {
  beforeAll(async () => {
    ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0, lookupsRequireKey } });
    keys = createKeys(ctx.services);
  });
  afterAll(() => ctx.close());

  describe.each(DOCUMENTED)('$key', ({ key }) => {
    const cases = (MATRIX[key] ?? []).flatMap((c) => WHO.map((who) => ({ ...c, who, name: `${c.label ?? ''} ${who}`.trim() })));
    it.each(cases)('$name', async ({ who, expected, lookup, request }) => {
      const answer = lookupsRequireKey && lookup && who === 'none' ? 401 : expected[who];
      const response = await send(await request(who), who);
      expect(response.statusCode, response.body).toBe(answer);
      if (response.statusCode === 401 || response.statusCode === 403) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: response.statusCode === 401 ? 'unauthorized' : 'forbidden' });
        expect(response.json().message.zh).toBeTruthy();
      }
    });
  });
});

describe('any route', () => {
  beforeAll(async () => {
    ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
    keys = createKeys(ctx.services);
  });
  afterAll(() => ctx.close());

  it('refuses an unknown or revoked key with 401 invalid_api_key, even where no key is needed', async () => {
    const { record, key } = ctx.services.apiKeys.create({ name: '临时', role: 'technician' }, 'test');
    ctx.services.apiKeys.revoke(record.id, 'test');
    for (const credential of [key, 'crk_not-a-real-key-at-all-000000000000', 'garbage']) {
      const response = await ctx.app.inject({ url: '/v1/autofill?number=x', headers: bearer(credential) });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_api_key');
    }
  });

  it('serves health and the console without a key', async () => {
    expect((await ctx.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/console/' })).statusCode).toBe(200);
  });
});
