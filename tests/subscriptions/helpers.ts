import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../src/config/config.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, tempDir } from '../tickets/fixtures.ts';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read notices of several shapes; the assertions check them.
  json: Record<string, any>;
}

/** A real HTTP receiver on 127.0.0.1 that answers with the statuses it is given, in turn (then 200). */
export async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body, json: JSON.parse(body) });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/certref?token=receiver-token`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a receiver computes to check a notice: HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret. */
export function verifies(notice: Received, secret: string): boolean {
  const timestamp = notice.headers['x-certref-timestamp'] as string;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${notice.body}`).digest('hex')}`;
  return notice.headers['x-certref-signature'] === expected;
}

/** An app whose subscriptions may send to loopback (CALLBACK_ALLOW_PRIVATE), retrying fast. */
export async function subscriptionsApp(
  options: { config?: Partial<AppConfig>; today?: string } = {},
): Promise<{ ctx: TestContext; keys: Keys & { otherReader: string } }> {
  const attachmentsDir = tempDir('certref-subs-att-');
  const built = await buildTestApp({
    ...(options.today ? { today: options.today } : {}),
    config: {
      attachmentsDir,
      rateLimitPerMinute: 0,
      callbackAllowPrivate: true,
      callbackRetryBaseMs: 20,
      callbackTimeoutMs: 2000,
      ...options.config,
    },
  });
  // Closing the app also removes its attachments folder: no test leaves temp files behind.
  const ctx: TestContext = {
    ...built,
    close: async () => {
      await built.close();
      fs.rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
  const keys = createKeys(ctx.services);
  const otherReader = ctx.services.apiKeys.create({ name: '深圳某器械公司', role: 'reader', organisation: '深圳某器械公司' }, 'test').key;
  return { ctx, keys: { ...keys, otherReader } };
}

export async function subscribe(ctx: TestContext, key: string, body: Record<string, unknown>) {
  const response = await ctx.app.inject({ method: 'POST', url: '/v1/subscriptions', headers: bearer(key), payload: body });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

/** Waits until the feed has matched everything and the dispatcher has sent what is due. */
export async function settle(ctx: TestContext): Promise<void> {
  await ctx.services.subscriptions.feed.idle();
  await ctx.services.subscriptions.feed.drain();
  await ctx.services.subscriptions.dispatcher.idle();
}

export const csvImport = (ctx: TestContext, adminKey: string, csv: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/v1/imports?fileName=renewals.csv',
    payload: csv,
    headers: { 'content-type': 'text/csv', ...bearer(adminKey) },
  });
