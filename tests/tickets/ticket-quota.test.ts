import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/config.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from './fixtures.ts';

/**
 * New tickets cost quota per key or client address and hour; joining an open ticket costs nothing
 * and still counts the demand.
 */

let ctx: TestContext;
let keys: Keys;
let clock: Date;
afterEach(() => ctx.close());

/** A real app with a clock the test moves; quotas as configured (the defaults unless given). */
async function start(ticketQuota?: AppConfig['ticketQuota']): Promise<void> {
  clock = new Date('2026-11-25T04:00:00Z');
  const config: Partial<AppConfig> = { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 };
  ctx = await buildTestApp({ now: () => clock, config: ticketQuota ? { ...config, ticketQuota } : config });
  keys = createKeys(ctx.services);
}

/** `count` well-formed Guangdong numbers no test stores, none of them MISSING_GD. */
const unknownNumbers = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => `粤械注准2024207${String(from + i).padStart(4, '0')}`);

const ticketCount = () => (ctx.services.database.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

// biome-ignore lint/suspicious/noExplicitAny: batch answers are checked field by field below.
async function batch(numbers: string[], options: { key?: string; remoteAddress?: string } = {}): Promise<any[]> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/autofill/batch',
    payload: { numbers },
    headers: bearer(options.key),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results;
}

const opened = (results: { problem?: { ticket?: { opened: boolean } | null } }[]) =>
  results.filter((r) => r.problem?.ticket?.opened === true).length;
const refused = (results: { problem?: { ticket?: unknown; ticketRefused?: { code: string } } }[]) =>
  results.filter((r) => r.problem?.ticket === null && r.problem.ticketRefused?.code === 'ticket_quota_exceeded').length;

describe('the quota of new tickets', () => {
  it('lets an anonymous batch of 1,000 unknown numbers open only the default 10; a ticket already open still counts its demand', async () => {
    await start();
    const existing = (await missLookup(ctx.app, MISSING_GD, keys.reader)).body.ticket;
    const results = await batch([...unknownNumbers(999), MISSING_GD]);

    expect(results).toHaveLength(1000);
    expect(results.every((r) => r.outcome === 'not_found' && r.problem.code === 'certificate_not_found')).toBe(true);
    expect(opened(results)).toBe(10);
    expect(refused(results)).toBe(989);
    expect(results.slice(0, 10).every((r) => r.problem.ticket?.opened === true)).toBe(true);
    const beyond = results[10].problem;
    expect(beyond.ticket).toBeNull();
    expect(beyond.ticketRefused).toMatchObject({ code: 'ticket_quota_exceeded', perHour: 10 });
    expect(beyond.ticketRefused.message.zh).toMatch(/上限（10 个）/);
    expect(beyond.ticketRefused.message.en).toContain('10 new tickets for the hour');
    expect(beyond.message.zh).toContain('本次未能转技术人员核实补录');
    // Joining costs no quota: the open ticket is joined past the quota, and its demand rises.
    expect(results[999].problem.ticket).toMatchObject({ id: existing.id, ref: existing.ref, opened: false, requestCount: 2 });
    expect(ticketCount()).toBe(11);
    const row = ctx.services.tickets.repository.get(existing.id)!;
    expect(row).toMatchObject({ requestCount: 2, requesterCount: 2 });
  });

  it('counts single lookups across requests, exactly under concurrency, and answers the 404 with ticket null', async () => {
    await start({ anonymousPerHour: 4, readerPerHour: 20 });
    const numbers = unknownNumbers(30);
    const answers = await Promise.all(numbers.map((number) => missLookup(ctx.app, number)));
    expect(answers.every((a) => a.status === 404)).toBe(true);
    expect(answers.filter((a) => a.body.ticket?.opened === true)).toHaveLength(4);
    expect(ticketCount()).toBe(4);

    const later = await missLookup(ctx.app, unknownNumbers(1, 500)[0]);
    expect(later.status).toBe(404);
    expect(later.body).toMatchObject({ code: 'certificate_not_found', ticket: null, ticketRefused: { code: 'ticket_quota_exceeded' } });
    const viaCertificate = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(unknownNumbers(1, 501)[0]!)}` });
    expect(viaCertificate.statusCode).toBe(404);
    expect(viaCertificate.json()).toMatchObject({ ticket: null, ticketRefused: { code: 'ticket_quota_exceeded', perHour: 4 } });
    // A number whose ticket is open is joined, quota or not.
    const joined = await missLookup(ctx.app, numbers[answers.findIndex((a) => a.body.ticket?.opened)]);
    expect(joined.body.ticket).toMatchObject({ opened: false, requestCount: 2 });
    expect(ticketCount()).toBe(4);
  });

  it('gives a reader key its larger quota, apart from the address it calls from; technicians are not limited', async () => {
    await start({ anonymousPerHour: 3, readerPerHour: 20 });
    const reader = await batch(unknownNumbers(30), { key: keys.reader });
    expect(opened(reader)).toBe(20);
    expect(refused(reader)).toBe(10);
    expect(reader[20].problem.ticketRefused).toMatchObject({ perHour: 20 });
    // The same address without a key has its own, smaller quota.
    const anonymous = await batch(unknownNumbers(10, 100));
    expect(opened(anonymous)).toBe(3);
    const technician = await batch(unknownNumbers(40, 200), { key: keys.technician });
    expect(opened(technician)).toBe(40);
    expect(ticketCount()).toBe(63);
  });

  it('keeps separate quotas for two client addresses', async () => {
    await start({ anonymousPerHour: 5, readerPerHour: 20 });
    const first = await batch(unknownNumbers(8), { remoteAddress: '203.0.113.7' });
    const second = await batch(unknownNumbers(8, 100), { remoteAddress: '203.0.113.8' });
    const firstAgain = await batch(unknownNumbers(2, 200), { remoteAddress: '203.0.113.7' });
    expect([opened(first), opened(second), opened(firstAgain)]).toEqual([5, 5, 0]);
    const openers = ctx.services.database.sqlite
      .prepare('SELECT opened_by AS openedBy, count(*) AS n FROM tickets GROUP BY opened_by ORDER BY opened_by')
      .all();
    expect(openers).toEqual([
      { openedBy: 'ip:203.0.113.7', n: 5 },
      { openedBy: 'ip:203.0.113.8', n: 5 },
    ]);
  });

  it('renews in a sliding hour: what was opened more than an hour ago no longer counts', async () => {
    await start({ anonymousPerHour: 2, readerPerHour: 20 });
    expect(opened(await batch(unknownNumbers(3)))).toBe(2);
    clock = new Date('2026-11-25T04:59:59Z');
    expect(opened(await batch(unknownNumbers(1, 10)))).toBe(0);
    clock = new Date('2026-11-25T05:00:01Z');
    expect(opened(await batch(unknownNumbers(3, 20)))).toBe(2);
  });

  it('with 0 for callers without a key, they open no ticket but still join open ones', async () => {
    await start({ anonymousPerHour: 0, readerPerHour: 20 });
    const existing = (await missLookup(ctx.app, MISSING_GD, keys.reader)).body.ticket;
    const results = await batch([...unknownNumbers(2), MISSING_GD]);
    expect(refused(results)).toBe(2);
    expect(results[2].problem.ticket).toMatchObject({ id: existing.id, requestCount: 2 });
  });

  it('is part of the documented 404 answer', async () => {
    await start();
    const document = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const text = JSON.stringify(document.paths['/v1/autofill'].get.responses['404']) + JSON.stringify(document.components);
    expect(text).toContain('ticket_quota_exceeded');
    expect(text).toContain('ticketRefused');
  });
});
