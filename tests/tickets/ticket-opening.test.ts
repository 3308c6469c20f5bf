import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0, callbackAllowPrivate: true } });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

const ticketCount = () => (ctx.services.database.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

describe('a lookup of a missing Guangdong number', () => {
  it('opens a ticket and answers 404 with it', async () => {
    const { status, body } = await missLookup(ctx.app);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'certificate_not_found', manualEntryAllowed: false, canonical: MISSING_GD });
    expect(body.ticket).toMatchObject({ status: 'open', requestCount: 1, opened: true });
    expect(body.ticket.ref).toMatch(/^[0-9a-f]{32}$/);
    expect(body.ticket.href).toBe(`/v1/tickets/${body.ticket.ref}`);
    const followed = await ctx.app.inject({ url: body.ticket.href });
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toMatchObject({
      id: body.ticket.id,
      canonical: MISSING_GD,
      status: 'open',
      requestCount: 1,
      href: body.ticket.href,
    });
  });

  it('joins the open ticket for the same canonical number, however it is typed', async () => {
    const first = await missLookup(ctx.app);
    const second = await missLookup(ctx.app, ' 粤械注准　2023２070123号 ');
    const viaCertificate = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(MISSING_GD)}` });
    expect(second.body.ticket).toMatchObject({ id: first.body.ticket.id, requestCount: 2, opened: false });
    expect(viaCertificate.json().ticket).toMatchObject({ id: first.body.ticket.id, requestCount: 3 });
    expect(ticketCount()).toBe(1);
  });

  it('makes exactly one ticket counting 200 concurrent lookups', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => missLookup(ctx.app)));
    expect(answers.every((a) => a.status === 404)).toBe(true);
    expect(new Set(answers.map((a) => a.body.ticket.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.ticket.opened)).toHaveLength(1);
    expect(ticketCount()).toBe(1);
    const row = ctx.services.database.sqlite.prepare('SELECT request_count AS n FROM tickets').get() as { n: number };
    expect(row.n).toBe(200);
  });

  it('opens tickets from the batch route, one per number', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      payload: { numbers: [MISSING_GD, '粤械注准20232070124', MISSING_GD, '湘械注准20192140881'] },
    });
    const { results } = response.json();
    expect(results[0].problem.ticket).toMatchObject({ requestCount: 1 });
    expect(results[1].problem.ticket).toMatchObject({ requestCount: 1 });
    expect(results[2].problem.ticket).toMatchObject({ id: results[0].problem.ticket.id, requestCount: 2 });
    expect(results[3].problem).toMatchObject({ manualEntryAllowed: true });
    expect(results[3].problem.ticket).toBeUndefined();
    expect(ticketCount()).toBe(2);
  });

  it('opens tickets for Guangdong filings and legacy numbers too', async () => {
    for (const number of ['粤穗械备20230123', '粤食药监械(准)字2013第2210456号']) {
      const { status, body } = await missLookup(ctx.app, number);
      expect(status, number).toBe(404);
      expect(body.ticket, number).toMatchObject({ status: 'open', requestCount: 1 });
    }
  });
});

describe('no ticket', () => {
  it('for a missing number of another province: manual entry allowed', async () => {
    const { status, body } = await missLookup(ctx.app, '湘械注准20192140881');
    expect(status).toBe(404);
    expect(body.manualEntryAllowed).toBe(true);
    expect(body.ticket).toBeUndefined();
    expect(ticketCount()).toBe(0);
  });

  it('for malformed input: 422 with the reason', async () => {
    const { status, body } = await missLookup(ctx.app, '粤械注准202320701234');
    expect(status).toBe(422);
    expect(body.code).toBe('invalid_certificate_number');
    expect(ticketCount()).toBe(0);
  });
});

describe('requesters', () => {
  it('are counted by their key’s organisation, with contact and callback URL, and lookups per day', async () => {
    await missLookup(
      ctx.app,
      MISSING_GD,
      keys.reader,
      `&contact=${encodeURIComponent('王经理 020-12345678')}&callbackUrl=${encodeURIComponent('http://127.0.0.1:9/hook')}`,
    );
    await missLookup(ctx.app, MISSING_GD, keys.reader);
    const anonymous = await missLookup(ctx.app);
    expect(anonymous.body.ticket).toMatchObject({ requestCount: 3 });
    const detail = (await ctx.app.inject({ url: anonymous.body.ticket.href, headers: bearer(keys.technician) })).json();
    expect(detail.requesterCount).toBe(2);
    expect(detail.requesters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisation: '广州某医疗器械有限公司',
          contact: '王经理 020-12345678',
          // Where the callbacks go, not the path or query a receiver may authenticate them with.
          callbackUrl: 'http://127.0.0.1:9/…',
          requestCount: 2,
        }),
        expect.objectContaining({ organisation: 'ip:127.0.0.1', requestCount: 1 }),
      ]),
    );
    expect(detail.lookupsByDay).toEqual([{ day: '2026-11-25', count: 3 }]);
  });

  it('leave contact and callback URL from the certificate route too', async () => {
    const query = `?contact=${encodeURIComponent('李工')}&callbackUrl=${encodeURIComponent('http://127.0.0.1:9/cert-hook')}`;
    const response = await ctx.app.inject({
      url: `/v1/certificates/${encodeURIComponent(MISSING_GD)}${query}`,
      headers: bearer(keys.reader),
    });
    expect(response.statusCode).toBe(404);
    const ticket = response.json().ticket;
    const detail = (await ctx.app.inject({ url: ticket.href, headers: bearer(keys.technician) })).json();
    expect(detail.requesters).toEqual([
      expect.objectContaining({ organisation: '广州某医疗器械有限公司', contact: '李工', callbackUrl: 'http://127.0.0.1:9/…' }),
    ]);
  });

  it('cannot slip unknown query keys past the certificate route', async () => {
    const response = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(MISSING_GD)}?callback=http://x` });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_request');
    expect(ticketCount()).toBe(0);
  });

  it('see the state without the requesters’ details', async () => {
    const { body } = await missLookup(ctx.app, MISSING_GD, keys.reader);
    const view = (await ctx.app.inject({ url: body.ticket.href, headers: bearer(keys.reader) })).json();
    expect(view.status).toBe('open');
    expect(view.requesters).toBeUndefined();
    expect(view.attachments).toBeUndefined();
  });

  it('opening and a new requester are in the audit trail', async () => {
    const { body } = await missLookup(ctx.app);
    await missLookup(ctx.app, MISSING_GD, keys.reader);
    await missLookup(ctx.app, MISSING_GD, keys.reader);
    const entries = ctx.services.changeLog.list({ entity: 'ticket', entityId: String(body.ticket.id), limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['opened', 'requester_added']);
    expect(entries[0]).toMatchObject({ actor: 'requester:ip:127.0.0.1', before: null });
  });
});
