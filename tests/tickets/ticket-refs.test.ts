import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, missLookup, tempDir } from './fixtures.ts';

/** Tickets are read by their unguessable ref; a bare id only by the queue's staff and the organisations that asked. */

let ctx: TestContext;
let keys: Keys;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

const read = (path: string, key?: string) => ctx.app.inject({ url: path, headers: bearer(key) });

/** Three tickets, opened by the reader's organisation, the technician and an anonymous caller. */
async function threeTickets() {
  const numbers = ['粤械注准20232070201', '粤械注准20232070202', '粤械注准20232070203'];
  const openers = [keys.reader, keys.technician, undefined];
  const tickets = [];
  for (const [i, number] of numbers.entries()) tickets.push((await missLookup(ctx.app, number, openers[i])).body.ticket);
  expect(tickets.map((t) => t.id)).toEqual([1, 2, 3]);
  return tickets;
}

describe('reading a ticket', () => {
  it('without a key: not by counting ids 1, 2, 3 …, told exactly what a missing ticket is told; by ref, yes', async () => {
    const tickets = await threeTickets();
    const missing = await read('/v1/tickets/4');
    expect(missing.statusCode).toBe(404);
    for (const ticket of tickets) {
      const byId = await read(`/v1/tickets/${ticket.id}`);
      expect(byId.statusCode, `ticket ${ticket.id}`).toBe(404);
      expect(byId.headers['content-type']).toContain('application/problem+json');
      expect(byId.json()).toEqual({
        ...missing.json(),
        detail: `No ticket ${ticket.id}.`,
        message: { zh: `没有编号为 ${ticket.id} 的工单。`, en: `No ticket ${ticket.id}.` },
      });

      expect(ticket.href).toBe(`/v1/tickets/${ticket.ref}`);
      const byRef = await read(ticket.href);
      expect(byRef.statusCode).toBe(200);
      expect(byRef.json()).toMatchObject({ id: ticket.id, ref: ticket.ref, status: 'open', href: ticket.href });
      expect(byRef.json().requesters).toBeUndefined();
    }
    expect(new Set(tickets.map((t) => t.ref)).size).toBe(3);
  });

  it('with the key of the organisation that asked: its own ticket by id, no one else’s', async () => {
    const [own, technicians, anonymous] = await threeTickets();
    const mine = await read(`/v1/tickets/${own.id}`, keys.reader);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: own.id, canonical: '粤械注准20232070201', href: own.href });
    expect(mine.json().requesters).toBeUndefined();
    expect((await read(`/v1/tickets/${technicians.id}`, keys.reader)).statusCode).toBe(404);
    expect((await read(`/v1/tickets/${anonymous.id}`, keys.reader)).statusCode).toBe(404);

    const other = ctx.services.apiKeys.create({ name: '另一家公司', role: 'reader' }, 'test').key;
    expect((await read(`/v1/tickets/${own.id}`, other)).statusCode).toBe(404);
    // Once that organisation asks for the number too, the ticket is its as well.
    await missLookup(ctx.app, '粤械注准20232070201', other);
    expect((await read(`/v1/tickets/${own.id}`, other)).statusCode).toBe(200);
  });

  it('technicians and admins read every ticket by id, with its requesters', async () => {
    const tickets = await threeTickets();
    for (const key of [keys.technician, keys.admin]) {
      for (const ticket of tickets) {
        const detail = await read(`/v1/tickets/${ticket.id}`, key);
        expect(detail.statusCode).toBe(200);
        expect(detail.json().requesters).toHaveLength(1);
      }
    }
  });

  it('by a ref nobody was given: 404; by something neither an id nor a ref: 400', async () => {
    await threeTickets();
    expect((await read(`/v1/tickets/${'0'.repeat(32)}`)).statusCode).toBe(404);
    expect((await read(`/v1/tickets/${'0'.repeat(32)}`, keys.technician)).statusCode).toBe(404);
    for (const bad of ['abc', '0', 'ABCDEF0123456789ABCDEF0123456789', '1'.repeat(16)]) {
      const response = await read(`/v1/tickets/${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().code).toBe('invalid_request');
    }
  });

  it('keeps refs out of the audit trail and the change feed, which readers may follow', async () => {
    const tickets = await threeTickets();
    const feed = await ctx.app.inject({ url: '/v1/changes', headers: bearer(keys.reader) });
    expect(feed.statusCode).toBe(200);
    const entries = JSON.stringify(ctx.services.changeLog.list({ entity: 'ticket', limit: 100 })) + feed.body;
    expect(entries).toContain('opened');
    for (const ticket of tickets) expect(entries).not.toContain(ticket.ref);
  });
});
