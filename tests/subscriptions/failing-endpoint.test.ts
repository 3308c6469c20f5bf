import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { storeDocuments } from '../helpers/test-app.ts';
import { bearer } from '../tickets/fixtures.ts';
import { receiver, settle, subscribe, subscriptionsApp, until } from './helpers.ts';

let ctx: TestContext;
let hook: Awaited<ReturnType<typeof receiver>>;
afterEach(async () => {
  await ctx.close();
  await hook.close();
});

const created = (serial: number) => ({
  number: `粤械注准2021214${String(serial).padStart(4, '0')}`,
  documentType: 'registration' as const,
  approvalDate: '2021-06-01',
  expiryDate: '2026-05-31',
  productName: '一次性使用注射器',
});

describe('an endpoint that keeps failing', () => {
  it('is retried, then its subscription is paused with a reason; resuming sends what was held at once', async () => {
    const subscriptions = { ...testConfig().subscriptions, pauseAfterFailures: 3, pauseAfterMinutes: 0 };
    const made = await subscriptionsApp({ config: { subscriptions } });
    ctx = made.ctx;
    hook = await receiver([500, 502, 503]);
    const sub = await subscribe(ctx, made.keys.reader, { events: ['certificate.created'], callbackUrl: hook.url });
    const one = created(1);
    storeDocuments(ctx.services, [one]);
    await until(() => hook.received.length === 3);
    await settle(ctx);

    const paused = await ctx.app.inject({ url: `/v1/subscriptions/${sub.body.id}`, headers: bearer(made.keys.reader) });
    expect(paused.json()).toMatchObject({
      status: 'paused',
      pausedAt: expect.any(String),
      pausedReason: expect.stringContaining('HTTP 503'),
    });
    // The same delivery each time, and no new ones while paused.
    expect(new Set(hook.received.map((n) => n.headers['x-certref-delivery'])).size).toBe(1);
    storeDocuments(ctx.services, [created(2)]);
    await settle(ctx);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(hook.received).toHaveLength(3);
    const log = await ctx.app.inject({ url: `/v1/subscriptions/${sub.body.id}/deliveries?limit=1`, headers: bearer(made.keys.reader) });
    expect(log.json().deliveries).toMatchObject([{ status: 'pending', attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503' }]);
    const second = await ctx.app.inject({
      url: `/v1/subscriptions/${sub.body.id}/deliveries?limit=1&cursor=${log.json().nextCursor}`,
      headers: bearer(made.keys.reader),
    });
    expect(second.json()).toMatchObject({ deliveries: [{ status: 'pending', attempts: 0 }], nextCursor: null });

    const resumed = await ctx.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${sub.body.id}/resume`,
      headers: bearer(made.keys.reader),
    });
    expect(resumed.json()).toMatchObject({ status: 'active', pausedReason: null });
    await until(() => hook.received.length === 5);
    await settle(ctx);
    // Order is kept per certificate; these are two certificates, sent side by side.
    expect(
      hook.received
        .slice(3)
        .map((n) => n.json.certificate.number)
        .sort(),
    ).toEqual([one.number, created(2).number]);
  });

  it('keeps one certificate’s notices in order: a later one waits while an earlier one is retried', async () => {
    const made = await subscriptionsApp({ config: { callbackRetryBaseMs: 200 } });
    ctx = made.ctx;
    hook = await receiver([500]);
    await subscribe(ctx, made.keys.reader, { callbackUrl: hook.url });
    const first = created(3);
    storeDocuments(ctx.services, [first]);
    await until(() => hook.received.length === 1);
    storeDocuments(ctx.services, [{ ...first, documentType: 'renewal', approvalDate: '2026-03-01', expiryDate: '2031-05-31' }]);
    await until(() => hook.received.length === 3);
    await settle(ctx);
    expect(hook.received.map((n) => n.json.event)).toEqual(['certificate.created', 'certificate.created', 'certificate.version_added']);
  });
});
