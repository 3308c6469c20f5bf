import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentedRoute, documentedRoutes } from './documented-routes.ts';
import { leakedSecrets, type SecretsWorld, secretsWorld, WHO, type Who } from './secrets-fixture.ts';

/** Fixed, so a failure is reproduced by running the file again; printed with the count. */
const SEED = 20261204;
const RUNS = 4000;

let world: SecretsWorld;
beforeAll(async () => {
  world = await secretsWorld();
});
afterAll(() => world.ctx.close());

const ROUTES = await documentedRoutes();

/** Percent-encodes every UTF-8 byte: lone surrogates and control characters reach the server as bytes. */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

const EDGES = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '9'.repeat(400),
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  '..',
  '../../etc/passwd',
  '\u0000',
  '\u0007\b\t\n\r',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𠀀𠀁',
  '粤械注准20232070123',
  '粤械注准 2017 2010123',
  '國械註準20173400077',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  'a'.repeat(3000),
  '粤'.repeat(1500),
];

const hostileText = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** Bytes that a careless client puts in a URL unencoded: broken escapes. */
const rawUrlPiece = fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '%ff%fe', '%C0%AF', '%25');

const pathValue = fc.oneof({ weight: 5, arbitrary: hostileText.map(encode) }, { weight: 1, arbitrary: rawUrlPiece });

const JSON_FIELDS = ['numbers', 'inputs', 'name', 'role', 'organisation', 'reason', 'correctNumber', 'note', 'number', 'productName'];

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.oneof(fc.constantFrom(...JSON_FIELDS), hostileText),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText, fc.array(hostileText, { maxLength: 20 }), fc.constant(Array(1001).fill('1'))),
    { maxKeys: 6 },
  ),
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=gbk',
  'text/plain',
  'text/csv',
  'application/x-ndjson',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/xml',
  'image/png',
  '*/*',
  'no/such; type',
];

const RAW_BODIES = [
  '{',
  '{"numbers": 1e400}',
  '[1,2,',
  '\u0000\u0001',
  '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--xyz--',
  'PK\u0003\u0004garbage',
];

const body = fc.oneof(
  fc.constant(undefined),
  jsonBody.map((value) => ({ payload: JSON.stringify(value) ?? 'null', type: 'application/json' })),
  fc.record({ payload: fc.oneof(fc.constantFrom(...RAW_BODIES), hostileText), type: fc.constantFrom(...CONTENT_TYPES) }),
);

interface HostileRequest {
  route: DocumentedRoute;
  who: Who;
  pathValues: string[];
  query: [string, string][];
  body: { payload: string; type: string } | undefined;
  accept: string | undefined;
}

const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
  route: fc.constantFrom(...ROUTES),
  who: fc.constantFrom(...WHO),
  pathValues: fc.array(pathValue, { minLength: 3, maxLength: 3 }),
  query: fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'since', 'entity', 'number', 'q', 'id', 'status', 'callbackUrl'), hostileText),
      hostileText,
    ),
    { maxLength: 4 },
  ),
  body,
  accept: fc.option(fc.constantFrom('application/json', 'text/html', 'application/pdf', '*/*', '\u0000', 'x/y;q=abc'), { nil: undefined }),
});

/** The request as sent: path values in the route's placeholders, every query piece percent-encoded. */
function injectOptions(request: HostileRequest): InjectOptions {
  let index = 0;
  const path = request.route.path.replace(/\{\w+\}/g, () => request.pathValues[index++] ?? '1');
  const query = request.query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
  const headers: Record<string, string> = { ...world.credentialOf(request.who) };
  if (request.body) headers['content-type'] = request.body.type;
  if (request.accept !== undefined) headers.accept = request.accept;
  return {
    method: request.route.method as InjectOptions['method'],
    url: query ? `${path}?${query}` : path,
    headers,
    ...(request.body ? { payload: request.body.payload } : {}),
  };
}

describe('hostile requests to every documented route', () => {
  it('never get a 5xx, always a coded problem for a 4xx, and never a secret', { timeout: 120_000 }, async () => {
    let sent = 0;
    const started = Date.now();
    try {
      await fc.assert(
        fc.asyncProperty(hostileRequest, async (request) => {
          const options = injectOptions(request);
          sent++;
          const response = await world.ctx.app.inject(options);
          const where = `${options.method} ${options.url} as ${request.who}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type'], where).toContain('application/problem+json');
            const problem = response.json();
            expect(typeof problem.code === 'string' && problem.code.length > 0, where).toBe(true);
            expect(typeof problem.message?.zh === 'string' && problem.message.zh.length > 0, where).toBe(true);
            expect(typeof problem.message?.en === 'string' && problem.message.en.length > 0, where).toBe(true);
          }
          expect(leakedSecrets(response, world.secrets), where).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      console.log(`fuzz: ${sent} requests over ${ROUTES.length} routes in ${Date.now() - started} ms, seed ${SEED}`);
    }
    expect(sent).toBeGreaterThanOrEqual(RUNS);
  });
});
