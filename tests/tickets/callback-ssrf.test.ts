import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/config.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { checkedAddresses, intakeRefusal, pinnedLookup, refusedRange } from '../../src/shared/webhooks/webhook-address.ts';
import type { DeliveryRow } from '../../src/tickets/callbacks/callback-outbox.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from './fixtures.ts';

const SECRET = 'callback-secret-for-tests';
const ORGANISATION = '广州某医疗器械有限公司';
const METADATA_URL = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';

/** A real HTTP receiver on 127.0.0.1 counting what reaches it; answers with `status` (and `location`). */
async function receiver(answer: { status?: number; location?: string } = {}) {
  const received: string[] = [];
  const server = http.createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => response.writeHead(answer.status ?? 200, answer.location ? { location: answer.location } : {}).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let ctx: TestContext | null = null;
let keys: Keys;
const servers: { close(): Promise<void> }[] = [];

async function setUp(config: Partial<AppConfig> = {}) {
  ctx = await buildTestApp({
    config: {
      attachmentsDir: tempDir('certref-att-'),
      rateLimitPerMinute: 0,
      callbackSecret: SECRET,
      callbackRetryBaseMs: 20,
      callbackTimeoutMs: 2000,
      ...config,
    },
  });
  keys = createKeys(ctx.services);
  return ctx;
}

afterEach(async () => {
  await ctx?.close();
  ctx = null;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startReceiver(answer: { status?: number; location?: string } = {}) {
  const server = await receiver(answer);
  servers.push(server);
  return server;
}

/**
 * A ticket whose requester's callback URL is already stored, as one stored before intake checked
 * addresses (or by a process with other settings) would be: the dispatcher must check on its own.
 */
function ticketWithStoredCallback(c: TestContext, url: string): number {
  const number = normalise(MISSING_GD, { currentYear: 2026 }).numbers[0]!;
  const { ticket } = c.services.tickets.intake.recordMiss(
    number,
    { organisation: ORGANISATION, contact: null, callbackUrl: url },
    { actor: 'key:1', role: 'reader' },
  );
  return ticket!.id;
}

async function claim(c: TestContext, id: number): Promise<void> {
  const response = await c.app.inject({ method: 'POST', url: `/v1/tickets/${id}/claim`, headers: bearer(keys.technician) });
  expect(response.statusCode).toBe(200);
}

/** Waits until the ticket's first delivery has been attempted, then answers the delivery log. */
async function settledDeliveries(c: TestContext, id: number): Promise<DeliveryRow[]> {
  const started = Date.now();
  for (;;) {
    await c.services.tickets.dispatcher.idle();
    const rows = c.services.tickets.outbox.deliveries(id);
    if (rows.length > 0 && rows.every((d) => d.attempts > 0)) return rows;
    if (Date.now() - started > 5000) throw new Error(`no delivery attempted: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('callback delivery to non-public addresses', () => {
  it('is refused by default for a literal 127.0.0.1: nothing reaches the receiver, the log says why, no retry', async () => {
    const c = await setUp();
    const hook = await startReceiver();
    const id = ticketWithStoredCallback(c, `http://127.0.0.1:${hook.port}/hook`);
    await claim(c, id);
    const [delivery] = await settledDeliveries(c, id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, nextAttemptAt: null, deliveredAt: null });
    expect(delivery!.lastError).toMatch(/^callback_address_refused: 127\.0\.0\.1 is a loopback address/);
    // Several retry periods later: still one attempt, and nothing ever arrived.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await c.services.tickets.dispatcher.idle();
    expect(c.services.tickets.outbox.deliveries(id)[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(hook.received).toEqual([]);
    // The technician's view of the log shows the same.
    const logged = (await c.app.inject({ url: `/v1/tickets/${id}/callbacks`, headers: bearer(keys.technician) })).json().deliveries;
    expect(logged[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^callback_address_refused/) });
  });

  it('is refused for a host name that resolves to a private address (localhost)', async () => {
    const c = await setUp();
    const hook = await startReceiver();
    const id = ticketWithStoredCallback(c, `http://localhost:${hook.port}/hook`);
    await claim(c, id);
    const [delivery] = await settledDeliveries(c, id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, nextAttemptAt: null });
    expect(delivery!.lastError).toMatch(/^callback_address_refused: localhost resolves to (127\.\d+\.\d+\.\d+|::1), a loopback address/);
    expect(hook.received).toEqual([]);
  });

  it('is delivered when CALLBACK_ALLOW_PRIVATE is on', async () => {
    const c = await setUp({ callbackAllowPrivate: true });
    const hook = await startReceiver();
    const byAddress = ticketWithStoredCallback(c, `http://127.0.0.1:${hook.port}/by-address`);
    await claim(c, byAddress);
    expect(await settledDeliveries(c, byAddress)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null }),
    ]);
    expect(hook.received).toEqual(['POST /by-address']);
  });

  it('connects by name, with CALLBACK_ALLOW_PRIVATE on, to the addresses it resolved', async () => {
    const c = await setUp({ callbackAllowPrivate: true });
    const hook = await startReceiver();
    const id = ticketWithStoredCallback(c, `http://localhost:${hook.port}/by-name`);
    await claim(c, id);
    const [delivery] = await settledDeliveries(c, id);
    // localhost may resolve to ::1 first, where nothing listens; 127.0.0.1 must then be tried.
    expect(delivery).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(hook.received).toEqual(['POST /by-name']);
  });

  it('does not follow a redirect', async () => {
    const c = await setUp({ callbackAllowPrivate: true });
    const target = await startReceiver();
    const hook = await startReceiver({ status: 302, location: `http://127.0.0.1:${target.port}/elsewhere` });
    const id = ticketWithStoredCallback(c, `http://127.0.0.1:${hook.port}/hook`);
    await claim(c, id);
    const [delivery] = await settledDeliveries(c, id);
    expect(delivery).toMatchObject({ lastStatusCode: 302, lastError: 'HTTP 302' });
    expect(hook.received.length).toBeGreaterThanOrEqual(1);
    expect(target.received).toEqual([]);
  });
});

describe('callback URLs at intake', () => {
  const requesters = async (c: TestContext, ticketId: number) =>
    (await c.app.inject({ url: `/v1/tickets/${ticketId}`, headers: bearer(keys.technician) })).json().requesters as {
      organisation: string;
      callbackUrl: string | null;
    }[];

  it('a cloud metadata URL is not stored, and the lookup answers its 404 with the ticket all the same', async () => {
    const c = await setUp();
    const { status, body } = await missLookup(c.app, MISSING_GD, keys.reader, `&callbackUrl=${encodeURIComponent(METADATA_URL)}`);
    expect(status).toBe(404);
    expect(body).toMatchObject({
      code: 'certificate_not_found',
      canonical: MISSING_GD,
      ticket: { status: 'open', requestCount: 1, opened: true },
    });
    expect(body.callbackUrlRefused).toMatchObject({ code: 'callback_address_refused' });
    expect(await requesters(c, body.ticket.id)).toEqual([expect.objectContaining({ organisation: ORGANISATION, callbackUrl: null })]);

    // The batch answers as before too (the IPv4-mapped spelling of the metadata address).
    const batch = await c.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      headers: bearer(keys.reader),
      payload: { numbers: [MISSING_GD], callbackUrl: 'http://[::ffff:a9fe:a9fe]/latest/' },
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results[0]).toMatchObject({
      outcome: 'not_found',
      problem: { ticket: { id: body.ticket.id, requestCount: 2 }, callbackUrlRefused: { code: 'callback_address_refused' } },
    });
    expect(await requesters(c, body.ticket.id)).toEqual([expect.objectContaining({ callbackUrl: null })]);

    // Nothing is ever sent anywhere for it.
    await claim(c, body.ticket.id);
    await c.services.tickets.dispatcher.idle();
    expect(c.services.tickets.outbox.deliveries(body.ticket.id)).toEqual([]);
  });

  it('a public URL is stored, without a refusal', async () => {
    const c = await setUp();
    const { status, body } = await missLookup(
      c.app,
      MISSING_GD,
      keys.reader,
      `&callbackUrl=${encodeURIComponent('https://hooks.example.com/certref')}`,
    );
    expect(status).toBe(404);
    expect(body.callbackUrlRefused).toBeUndefined();
    // Stored; technicians see where it goes, not the path a receiver may authenticate with.
    expect(await requesters(c, body.ticket.id)).toEqual([expect.objectContaining({ callbackUrl: 'https://hooks.example.com/…' })]);
  });

  it('with CALLBACK_ALLOW_PRIVATE on, a private URL is stored', async () => {
    const c = await setUp({ callbackAllowPrivate: true });
    const { body } = await missLookup(c.app, MISSING_GD, keys.reader, `&callbackUrl=${encodeURIComponent(METADATA_URL)}`);
    expect(body.callbackUrlRefused).toBeUndefined();
    expect(await requesters(c, body.ticket.id)).toEqual([expect.objectContaining({ callbackUrl: 'http://169.254.169.254/…' })]);
  });
});

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['::7f00:1', 'ipv4Compatible'],
  ])('%s is refused (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('%s is public', (address) => {
    expect(refusedRange(address)).toBeNull();
  });

  it('intake refuses literal non-public hosts in any spelling, and other schemes, without DNS', () => {
    const refuse = (url: string) => intakeRefusal(url, { allowPrivate: false });
    for (const url of [
      'http://127.1/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://[::1]:8080/',
      'http://LOCALHOST./x',
      'http://api.localhost/',
      'https://169.254.169.254/',
    ]) {
      expect(refuse(url), url).toBe('callback_address_refused');
    }
    expect(refuse('ftp://example.com/')).toBe('callback_scheme_refused');
    expect(refuse('javascript:alert(1)')).toBe('callback_scheme_refused');
    expect(refuse('https://hooks.example.com/x')).toBeNull();
    expect(refuse('http://internal.example/x')).toBeNull(); // names are checked when delivering
    expect(intakeRefusal('http://127.0.0.1/', { allowPrivate: true })).toBeNull();
    expect(intakeRefusal('file:///etc/passwd', { allowPrivate: true })).toBe('callback_scheme_refused');
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const resolve = async () => [
      { address: '93.184.215.14', family: 4 as const },
      { address: '10.0.0.5', family: 4 as const },
    ];
    await expect(checkedAddresses(new URL('http://mixed.example/'), { allowPrivate: false, resolve })).rejects.toMatchObject({
      code: 'callback_address_refused',
      message: 'mixed.example resolves to 10.0.0.5, a private address',
    });
    await expect(checkedAddresses(new URL('http://mixed.example/'), { allowPrivate: true, resolve })).resolves.toHaveLength(2);
  });

  it('a pinned lookup connects to the checked address, never asking DNS again', async () => {
    const hook = await startReceiver();
    // `.invalid` never resolves (RFC 6761): reaching the receiver proves the pinned address was used.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `http://rebound.invalid:${hook.port}/pinned`,
        { method: 'POST', agent: false, lookup: pinnedLookup([{ address: '127.0.0.1', family: 4 }]) },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(200);
    expect(hook.received).toEqual(['POST /pinned']);
  });
});
