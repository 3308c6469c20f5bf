import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, tempDir } from './fixtures.ts';

const SECRET = 'callback-secret-for-tests';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on localhost that answers with the statuses it is given, in turn. */
async function receiver(statuses: number[], options: { hangMs?: number } = {}) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const status = statuses.shift() ?? 200;
      setTimeout(() => response.writeHead(status).end(), options.hangMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certref-hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let ctx: TestContext;
let keys: Keys;
let hook: Awaited<ReturnType<typeof receiver>> | null = null;

async function setUp(config: Partial<Parameters<typeof buildTestApp>[0] & object>['config'] = {}) {
  ctx = await buildTestApp({
    config: {
      attachmentsDir: tempDir('certref-att-'),
      rateLimitPerMinute: 0,
      callbackSecret: SECRET,
      callbackAllowPrivate: true,
      callbackRetryBaseMs: 20,
      callbackTimeoutMs: 2000,
      ...config,
    },
  });
  keys = createKeys(ctx.services);
}
afterEach(async () => {
  await ctx.close();
  await hook?.close();
  hook = null;
});

async function ticketWithCallback(url: string): Promise<number> {
  const { body } = await missLookup(
    ctx.app,
    undefined,
    keys.reader,
    `&callbackUrl=${encodeURIComponent(url)}&contact=${encodeURIComponent('王经理')}`,
  );
  return body.ticket.id;
}

const claim = (id: number) => ctx.app.inject({ method: 'POST', url: `/v1/tickets/${id}/claim`, headers: bearer(keys.technician) });
const deliveries = async (id: number) =>
  (await ctx.app.inject({ url: `/v1/tickets/${id}/callbacks`, headers: bearer(keys.technician) })).json().deliveries;

describe('callbacks', () => {
  beforeEach(() => setUp());

  it('POST a signed notice of each state change to the requester’s URL', async () => {
    hook = await receiver([]);
    const id = await ticketWithCallback(hook.url);
    await claim(id);
    await ctx.app.inject({
      method: 'POST',
      url: `/v1/tickets/${id}/reject`,
      headers: bearer(keys.technician),
      payload: { reason: 'not_guangdong' },
    });
    await until(() => hook!.received.length === 2);
    const [claimed, rejected] = hook.received;
    for (const notice of [claimed!, rejected!]) {
      const timestamp = notice.headers['x-certref-timestamp'] as string;
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${notice.body}`).digest('hex')}`;
      expect(notice.headers['x-certref-signature']).toBe(expected);
      expect(notice.headers['content-type']).toContain('application/json');
    }
    expect(claimed!.headers['x-certref-event']).toBe('ticket.claimed');
    expect(JSON.parse(claimed!.body)).toMatchObject({ event: 'ticket.claimed', ticket: { id, status: 'claimed' } });
    expect(JSON.parse(rejected!.body)).toMatchObject({
      event: 'ticket.rejected',
      ticket: { id, status: 'rejected', rejection: { reason: 'not_guangdong' } },
    });
    await ctx.services.tickets.dispatcher.idle();
    expect((await deliveries(id)).map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);
  });

  it('retry with backoff until the receiver takes them, logging each attempt', async () => {
    hook = await receiver([500, 503, 200]);
    const id = await ticketWithCallback(hook.url);
    await claim(id);
    await until(() => hook!.received.length === 3);
    await ctx.services.tickets.dispatcher.idle();
    const [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(new Set(hook.received.map((r) => r.headers['x-certref-delivery']))).toEqual(new Set([String(delivery.id)]));
  });

  it('give up after CALLBACK_MAX_ATTEMPTS, and the workflow never waits for them', async () => {
    await ctx.close();
    await setUp({ callbackMaxAttempts: 2 });
    hook = await receiver([500, 500, 500]);
    const id = await ticketWithCallback(hook.url);
    await claim(id);
    await until(() => hook!.received.length === 2);
    await ctx.services.tickets.dispatcher.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hook.received).toHaveLength(2);
    expect((await deliveries(id))[0]).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500, lastError: 'HTTP 500' });
  });

  it('a hanging or unreachable receiver never blocks a state change', async () => {
    hook = await receiver([], { hangMs: 3000 });
    const id = await ticketWithCallback(hook.url);
    const started = Date.now();
    expect((await claim(id)).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${id}/release`, headers: bearer(keys.technician) })).statusCode).toBe(
      200,
    );
    expect(Date.now() - started).toBeLessThan(500);

    const unreachable = await ticketWithCallback('http://127.0.0.1:9/closed-port');
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${unreachable}/claim`, headers: bearer(keys.technician) })).statusCode,
    ).toBe(200);
  });
});

describe('without CALLBACK_SECRET', () => {
  beforeEach(() => setUp({ callbackSecret: null }));

  it('nothing is sent; the deliveries are logged as skipped', async () => {
    hook = await receiver([]);
    const id = await ticketWithCallback(hook.url);
    await claim(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hook.received).toHaveLength(0);
    expect((await deliveries(id))[0]).toMatchObject({ status: 'skipped', event: 'ticket.claimed' });
  });
});
