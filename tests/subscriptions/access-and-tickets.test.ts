import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../helpers/test-app.ts';
import { bearer, type Keys, MISSING_GD, missLookup, multipart, pdfBytes, RESOLVE_FORM } from '../tickets/fixtures.ts';
import { receiver, settle, subscribe, subscriptionsApp, until, verifies } from './helpers.ts';

let ctx: TestContext;
let keys: Keys & { otherReader: string };
let hook: Awaited<ReturnType<typeof receiver>>;
beforeEach(async () => {
  ({ ctx, keys } = await subscriptionsApp());
  hook = await receiver();
});
afterEach(async () => {
  await ctx.close();
  await hook.close();
});

const get = (url: string, key?: string) => ctx.app.inject({ url, headers: bearer(key) });

describe('who may subscribe and see subscriptions', () => {
  it('anonymous callers are refused with a problem document', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/v1/subscriptions', payload: { callbackUrl: hook.url } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((await get('/v1/subscriptions')).statusCode).toBe(401);
  });

  it('one organisation can neither see nor delete another’s; admins see all', async () => {
    const mine = await subscribe(ctx, keys.reader, { callbackUrl: hook.url });
    const theirs = await subscribe(ctx, keys.otherReader, { callbackUrl: hook.url });
    expect((await get('/v1/subscriptions', keys.reader)).json().subscriptions.map((s: { id: number }) => s.id)).toEqual([mine.body.id]);
    expect((await get(`/v1/subscriptions/${theirs.body.id}`, keys.reader)).json()).toMatchObject({
      status: 404,
      code: 'subscription_not_found',
    });
    expect((await get(`/v1/subscriptions/${theirs.body.id}/deliveries`, keys.reader)).statusCode).toBe(404);
    const deleting = await ctx.app.inject({ method: 'DELETE', url: `/v1/subscriptions/${theirs.body.id}`, headers: bearer(keys.reader) });
    expect(deleting.statusCode).toBe(404);
    expect((await get(`/v1/subscriptions/${theirs.body.id}`, keys.otherReader)).statusCode).toBe(200);

    const all = (await get('/v1/subscriptions', keys.admin)).json().subscriptions.map((s: { id: number }) => s.id);
    expect(all.sort()).toEqual([mine.body.id, theirs.body.id].sort());
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `/v1/subscriptions/${theirs.body.id}`,
      headers: bearer(keys.otherReader),
    });
    expect(deleted.statusCode).toBe(200);
    expect((await get(`/v1/subscriptions/${theirs.body.id}`, keys.otherReader)).statusCode).toBe(404);
  });

  it('the secret is answered once at creation, and never in a later answer or a change record', async () => {
    const created = await subscribe(ctx, keys.reader, { callbackUrl: hook.url });
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    await ctx.app.inject({ method: 'POST', url: `/v1/subscriptions/${id}/resume`, headers: bearer(keys.reader) });
    const answers = [
      await get('/v1/subscriptions', keys.reader),
      await get(`/v1/subscriptions/${id}`, keys.reader),
      await get('/v1/subscriptions', keys.admin),
      await get(`/v1/subscriptions/${id}/deliveries`, keys.reader),
      await get('/v1/changes?limit=1000', keys.admin),
      await get('/v1/audit?limit=500', keys.admin),
      await ctx.app.inject({ method: 'DELETE', url: `/v1/subscriptions/${id}`, headers: bearer(keys.reader) }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toContain(secret);
      // The callback URL's path and query (a receiver's token) are not shown either.
      expect(answer.body).not.toContain('receiver-token');
    }
    const stored = ctx.services.database.sqlite.prepare("SELECT before, after FROM change_log WHERE entity = 'subscription'").all();
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('a loopback callback URL is refused unless CALLBACK_ALLOW_PRIVATE is set', async () => {
    await ctx.close();
    ({ ctx, keys } = await subscriptionsApp({ config: { callbackAllowPrivate: false } }));
    const refused = await subscribe(ctx, keys.reader, { callbackUrl: hook.url });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'subscription_callback_refused', reason: 'callback_address_refused' });
    const scheme = await subscribe(ctx, keys.reader, { callbackUrl: 'ftp://example.org/hook' });
    expect(scheme.body).toMatchObject({ code: 'subscription_callback_refused', reason: 'callback_scheme_refused' });
  });
});

describe('ticket.resolved', () => {
  it('goes to the organisation that asked for the number, not to another', async () => {
    const other = await receiver();
    try {
      const mine = await subscribe(ctx, keys.reader, { events: ['ticket.resolved'], callbackUrl: hook.url });
      await subscribe(ctx, keys.otherReader, { events: ['ticket.resolved'], callbackUrl: other.url });
      const { body } = await missLookup(ctx.app, MISSING_GD, keys.reader);
      const id = body.ticket.id as number;
      const act = (action: string, payload?: unknown) =>
        ctx.app.inject({
          method: 'POST',
          url: `/v1/tickets/${id}/${action}`,
          headers: bearer(keys.technician),
          ...(payload ? { payload } : {}),
        });
      await act('claim');
      const { payload, headers } = multipart(pdfBytes(), '注册证.pdf', 'application/pdf');
      await ctx.app.inject({
        method: 'POST',
        url: `/v1/tickets/${id}/attachments`,
        payload,
        headers: { ...headers, ...bearer(keys.technician) },
      });
      expect((await act('resolve', RESOLVE_FORM)).statusCode).toBe(200);
      await until(() => hook.received.length >= 1);
      await settle(ctx);
      expect(hook.received).toHaveLength(1);
      expect(verifies(hook.received[0]!, mine.body.secret)).toBe(true);
      expect(hook.received[0]!.json).toMatchObject({
        event: 'ticket.resolved',
        ticket: { id, number: MISSING_GD, status: 'resolved' },
        changesCursor: expect.any(String),
      });
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
