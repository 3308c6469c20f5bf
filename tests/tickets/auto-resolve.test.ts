import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from './fixtures.ts';

let ctx: TestContext;
let keys: Keys;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  keys = createKeys(ctx.services);
});
afterEach(() => ctx.close());

const document = {
  number: MISSING_GD,
  documentType: 'registration' as const,
  approvalDate: '2023-03-15',
  expiryDate: '2028-03-14',
  productName: '医用电子体温计',
};

describe('data arriving by another route', () => {
  it('resolves an open ticket (data_arrived) in the same write, and the lookup then answers 200', async () => {
    const { body } = await missLookup(ctx.app);
    storeDocuments(ctx.services, [document]);
    const ticket = (await ctx.app.inject({ url: body.ticket.href })).json();
    expect(ticket).toMatchObject({ status: 'resolved', resolution: { kind: 'data_arrived', by: 'system', versionId: expect.any(Number) } });
    expect((await missLookup(ctx.app)).status).toBe(200);
    const audit = ctx.services.changeLog.list({ entity: 'ticket', entityId: String(body.ticket.id), limit: 10 });
    expect(audit.at(-1)).toMatchObject({ action: 'resolved', actor: 'system', before: expect.objectContaining({ status: 'open' }) });
  });

  it('resolves a claimed ticket too', async () => {
    const { body } = await missLookup(ctx.app);
    await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${body.ticket.id}/claim`, headers: bearer(keys.technician) });
    ctx.services.writer.write(
      [
        {
          ...document,
          number: normalise(MISSING_GD, { currentYear: 2026 }).numbers[0]!,
          asIssued: MISSING_GD,
          provenance: { source: 'import', fetchedAt: '2026-11-25T00:00:00Z', importRunId: 7 },
        },
      ],
      ctx.services.today(),
      { actor: 'import:7' },
    );
    const ticket = (await ctx.app.inject({ url: body.ticket.href })).json();
    expect(ticket).toMatchObject({ status: 'resolved', claim: null, resolution: { kind: 'data_arrived', by: 'import:7' } });
  });

  it('commits or rolls back with the data: a failing write leaves the ticket open', async () => {
    const { body } = await missLookup(ctx.app);
    ctx.services.writer.onWrite(() => {
      throw new Error('a later hook fails');
    });
    expect(() => storeDocuments(ctx.services, [document])).toThrow('a later hook fails');
    expect((await ctx.app.inject({ url: body.ticket.href })).json().status).toBe('open');
    expect(ctx.services.changeLog.list({ entity: 'ticket', entityId: String(body.ticket.id), limit: 10 }).map((e) => e.action)).toEqual([
      'opened',
    ]);
  });

  it('leaves tickets of other numbers alone', async () => {
    const { body } = await missLookup(ctx.app, '粤械注准20232070124');
    storeDocuments(ctx.services, [document]);
    expect((await ctx.app.inject({ url: body.ticket.href })).json().status).toBe('open');
  });
});
