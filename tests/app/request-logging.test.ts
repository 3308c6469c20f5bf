import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';

/** Every JSON line the app's logger writes. */
function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

// A search against an unreachable Meilisearch logs a warning from inside a request; that is the
// request-scoped log line this checks, with request logging off (its child logger is made lazily).
describe('request-scoped log lines with request logging off', () => {
  const log = capture();
  let services: Services;
  let app: FastifyInstance;
  beforeAll(async () => {
    services = createServices(
      testConfig({
        logRequests: false,
        search: { engine: 'meilisearch', meiliUrl: 'http://127.0.0.1:9', meiliApiKey: null, meiliIndex: 'certificates' },
      }),
    );
    app = await buildApp(services, { logger: { level: 'info', stream: log.stream } });
  });
  afterAll(async () => {
    await app.close();
    services.close();
  });

  it('logs nothing for an ordinary request', async () => {
    const before = log.lines.length;
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(log.lines.slice(before).filter((line) => line.reqId !== undefined)).toEqual([]);
  });

  it('still binds what a request logs to its request id', async () => {
    const response = await app.inject({ url: '/v1/search?q=3140' });
    expect(response.statusCode).toBe(200);
    const warning = log.lines.find((line) => typeof line.msg === 'string' && line.msg.includes('Meilisearch unavailable'));
    expect(warning).toMatchObject({ level: 40, reqId: expect.stringMatching(/^req-/) });
  });
});
