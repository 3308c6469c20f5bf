import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, multipart, pdfBytes, RESOLVE_FORM, tempDir } from '../tickets/fixtures.ts';

type Who = 'none' | 'reader' | 'technician' | 'admin';
const WHO: Who[] = ['none', 'reader', 'technician', 'admin'];

let ctx: TestContext;
let keys: Keys;
let serial = 0;

beforeAll(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
});
afterAll(() => ctx.close());

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

interface Route {
  name: string;
  expected: Record<Who, number>;
  request: (who: Who) => Promise<InjectOptions>;
}

const open = { none: 200, reader: 200, technician: 200, admin: 200 };
const technicianOnly = (ok: number) => ({ none: 401, reader: 403, technician: ok, admin: ok });
const adminOnly = (ok: number) => ({ none: 401, reader: 403, technician: 403, admin: ok });

const ROUTES: Route[] = [
  {
    name: 'GET /v1/autofill (a miss)',
    expected: { none: 404, reader: 404, technician: 404, admin: 404 },
    request: async () => ({ url: `/v1/autofill?number=${encodeURIComponent('粤械注准20232079999')}` }),
  },
  {
    name: 'GET /v1/certificates/{number}',
    expected: { none: 404, reader: 404, technician: 404, admin: 404 },
    request: async () => ({ url: `/v1/certificates/${encodeURIComponent('粤械注准20232079999')}` }),
  },
  {
    name: 'POST /v1/autofill/batch',
    expected: open,
    request: async () => ({ method: 'POST', url: '/v1/autofill/batch', payload: { numbers: ['粤械注准20232079999'] } }),
  },
  {
    name: 'POST /v1/numbers/normalize',
    expected: open,
    request: async () => ({ method: 'POST', url: '/v1/numbers/normalize', payload: { inputs: ['粤械注准20232079999'] } }),
  },
  {
    // By id: the reader's organisation asked for the ticket; without a key, an id is no proof of that.
    name: 'GET /v1/tickets/{id}',
    expected: { none: 404, reader: 200, technician: 200, admin: 200 },
    request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}` }),
  },
  {
    name: 'GET /v1/tickets/{ref}',
    expected: open,
    request: async () => ({ url: `/v1/tickets/${ctx.services.tickets.repository.get((await freshTicket()).id)!.ref}` }),
  },
  { name: 'GET /v1/auth/me', expected: open, request: async () => ({ url: '/v1/auth/me' }) },
  {
    name: 'POST /v1/tickets/{id}/attachments',
    expected: { none: 401, reader: 201, technician: 201, admin: 201 },
    request: async () => {
      const { payload, headers } = multipart(pdfBytes(), 'a.pdf');
      return { method: 'POST', url: `/v1/tickets/${(await freshTicket()).id}/attachments`, payload, headers };
    },
  },
  { name: 'GET /v1/tickets', expected: technicianOnly(200), request: async () => ({ url: '/v1/tickets?status=open' }) },
  {
    name: 'GET /v1/tickets/{id}/history',
    expected: technicianOnly(200),
    request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}/history` }),
  },
  {
    name: 'GET /v1/tickets/{id}/callbacks',
    expected: technicianOnly(200),
    request: async () => ({ url: `/v1/tickets/${(await freshTicket()).id}/callbacks` }),
  },
  {
    name: 'POST /v1/tickets/{id}/claim',
    expected: technicianOnly(200),
    request: async () => ({ method: 'POST', url: `/v1/tickets/${(await freshTicket()).id}/claim` }),
  },
  {
    name: 'POST /v1/tickets/{id}/release',
    expected: technicianOnly(200),
    request: async (who) => {
      const { id } = await freshTicket();
      await send({ method: 'POST', url: `/v1/tickets/${id}/claim` }, who);
      return { method: 'POST', url: `/v1/tickets/${id}/release` };
    },
  },
  {
    name: 'POST /v1/tickets/{id}/resolve',
    expected: technicianOnly(200),
    request: async (who) => {
      const { id, number } = await freshTicket();
      await claimAndAttach(id, who);
      return { method: 'POST', url: `/v1/tickets/${id}/resolve`, payload: { ...RESOLVE_FORM, number } };
    },
  },
  {
    name: 'POST /v1/tickets/{id}/reject',
    expected: technicianOnly(200),
    request: async (who) => {
      const { id } = await freshTicket();
      await send({ method: 'POST', url: `/v1/tickets/${id}/claim` }, who);
      return { method: 'POST', url: `/v1/tickets/${id}/reject`, payload: { reason: 'no_such_certificate' } };
    },
  },
  {
    name: 'GET /v1/tickets/{id}/attachments/{attachmentId}',
    expected: technicianOnly(200),
    request: async () => {
      const { id } = await freshTicket();
      const { payload, headers } = multipart(pdfBytes(`download ${id}`), 'a.pdf');
      const uploaded = await send({ method: 'POST', url: `/v1/tickets/${id}/attachments`, payload, headers }, 'technician');
      return { url: uploaded.json().href };
    },
  },
  {
    name: 'POST /v1/keys',
    expected: adminOnly(201),
    request: async () => ({ method: 'POST', url: '/v1/keys', payload: { name: '新技术员', role: 'technician' } }),
  },
  { name: 'GET /v1/keys', expected: adminOnly(200), request: async () => ({ url: '/v1/keys' }) },
  {
    name: 'DELETE /v1/keys/{id}',
    expected: adminOnly(200),
    request: async () => ({
      method: 'DELETE',
      url: `/v1/keys/${ctx.services.apiKeys.create({ name: '待吊销', role: 'reader' }, 'test').record.id}`,
    }),
  },
  { name: 'GET /v1/audit', expected: adminOnly(200), request: async () => ({ url: '/v1/audit?limit=5' }) },
];

describe.each(ROUTES)('$name', (route) => {
  it.each(WHO)('with %s', async (who) => {
    const response = await send(await route.request(who), who);
    expect(response.statusCode, response.body).toBe(route.expected[who]);
    if (response.statusCode === 401 || response.statusCode === 403) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: response.statusCode === 401 ? 'unauthorized' : 'forbidden' });
      expect(response.json().message.zh).toBeTruthy();
    }
  });
});

describe('any route', () => {
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
