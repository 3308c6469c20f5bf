import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-key-secret.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, tempDir } from '../tickets/fixtures.ts';

type Who = 'anonymous' | 'reader' | 'technician' | 'admin';

const TOKEN = 'cbtok-7f3a9e51d2c84b06';
const CALLBACK_URL = `https://hooks.example.com/certref/${TOKEN}?token=${TOKEN}`;

let ctx: TestContext;
let keys: Keys;
let ticketId: number;

async function setUp(config: { lookupsRequireKey?: boolean } = {}): Promise<void> {
  ctx = await buildTestApp({ config: { attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0, ...config } });
  keys = createKeys(ctx.services);
  storeDocuments(ctx.services, [
    {
      number: '粤械注准20172140123',
      documentType: 'registration',
      approvalDate: '2022-09-01',
      expiryDate: '2027-08-31',
      productName: '注射器',
    },
  ]);
  const query = `&contact=${encodeURIComponent('王经理 020-12345678')}&callbackUrl=${encodeURIComponent(CALLBACK_URL)}`;
  const miss = await missLookup(ctx.app, MISSING_GD, keys.reader, query);
  ticketId = miss.body.ticket.id;
}
afterEach(() => ctx.close());

const keyOf = (who: Who): string | undefined => (who === 'anonymous' ? undefined : keys[who]);

async function get(url: string, who: Who) {
  const response = await ctx.app.inject({ url, headers: bearer(keyOf(who)) });
  return { status: response.statusCode, body: response.json(), text: response.body };
}

/** Every secret the setup made: the callback URL's token, each key and its stored hash. */
function secrets(): string[] {
  const all = Object.values(keys);
  return [TOKEN, ...all, ...all.map(hashApiKey)];
}

function expectNoSecret(text: string): void {
  for (const secret of secrets()) expect(text).not.toContain(secret);
}

describe('GET /v1/changes is scoped by role', () => {
  beforeEach(() => setUp());

  it('shows certificate changes to anyone who may look certificates up, without a key', async () => {
    const { status, body } = await get('/v1/changes?limit=1000', 'anonymous');
    expect(status).toBe(200);
    expect(body.changes.map((c: { entity: string; action: string }) => `${c.entity}:${c.action}`)).toEqual(['certificate:created']);
  });

  it('shows readers certificate changes only, and refuses them tickets and keys', async () => {
    const { body } = await get('/v1/changes?limit=1000', 'reader');
    expect(new Set(body.changes.map((c: { entity: string }) => c.entity))).toEqual(new Set(['certificate']));
    const tickets = await get('/v1/changes?entity=ticket', 'reader');
    expect(tickets.status).toBe(403);
    expect(tickets.body).toMatchObject({ code: 'forbidden', requiredRole: 'technician' });
    expect((await get('/v1/changes?entity=api_key', 'reader')).status).toBe(403);
    expect((await get('/v1/changes?entity=ticket', 'anonymous')).body).toMatchObject({ code: 'unauthorized', requiredRole: 'technician' });
  });

  it('shows technicians tickets with the requester’s contact but never the callback URL’s token, and no keys', async () => {
    const { body, text } = await get('/v1/changes?limit=1000', 'technician');
    expect(new Set(body.changes.map((c: { entity: string }) => c.entity))).toEqual(new Set(['certificate', 'ticket']));
    const opened = body.changes.find((c: { action: string }) => c.action === 'opened');
    expect(opened.after.requester).toEqual({
      organisation: '广州某医疗器械有限公司',
      contact: '王经理 020-12345678',
      callbackUrl: 'https://hooks.example.com/…',
    });
    expectNoSecret(text);
    expect((await get('/v1/changes?entity=api_key', 'technician')).status).toBe(403);
  });

  it('shows admins key records, without secrets or hashes', async () => {
    const { body, text } = await get('/v1/changes?limit=1000', 'admin');
    expect(body.changes.filter((c: { entity: string }) => c.entity === 'api_key')).toHaveLength(4);
    expectNoSecret(text);
  });

  it('keeps an unknown kind of entity for admins', async () => {
    ctx.services.changeLog.append({ actor: 'test', entity: 'something_new', entityId: '1', action: 'created', after: { a: 1 } });
    expect((await get('/v1/changes?entity=something_new', 'technician')).status).toBe(403);
    expect(
      (await get('/v1/changes?limit=1000', 'technician')).body.changes.some((c: { entity: string }) => c.entity === 'something_new'),
    ).toBe(false);
    expect((await get('/v1/changes?entity=something_new', 'admin')).body.changes).toHaveLength(1);
  });
});

describe('no secret is recorded or shown', () => {
  beforeEach(() => setUp());

  it('stores no callback token or key secret in the change log', () => {
    const rows = ctx.services.database.sqlite.prepare('SELECT before, after FROM change_log').all() as {
      before: string | null;
      after: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(5);
    expectNoSecret(JSON.stringify(rows));
  });

  it('hides secrets recorded before they were redacted, in the feed, the audit trail and the ticket’s history', async () => {
    // As an older certref wrote them: the whole callback URL, and a hash where a record carried one.
    ctx.services.database.sqlite
      .prepare(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES (?, 'old', 'ticket', ?, 'requester_added', NULL, ?)",
      )
      .run('2026-11-01T00:00:00.000Z', String(ticketId), JSON.stringify({ requester: { contact: '李工', callbackUrl: CALLBACK_URL } }));
    ctx.services.database.sqlite
      .prepare(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES (?, 'old', 'api_key', '1', 'created', NULL, ?)",
      )
      .run('2026-11-01T00:00:00.000Z', JSON.stringify({ id: 1, keyHash: hashApiKey(keys.reader) }));
    for (const url of ['/v1/changes?limit=1000', '/v1/audit?limit=500', `/v1/tickets/${ticketId}/history`]) {
      const { status, text } = await get(url, 'admin');
      expect(status, url).toBe(200);
      expect(text, url).toContain('https://hooks.example.com/…');
      expectNoSecret(text);
    }
  });

  it('shows technicians a ticket’s requesters and callback deliveries without the token', async () => {
    await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${ticketId}/claim`, headers: bearer(keys.technician) });
    const detail = await get(`/v1/tickets/${ticketId}`, 'technician');
    expect(detail.body.requesters[0]).toMatchObject({ contact: '王经理 020-12345678', callbackUrl: 'https://hooks.example.com/…' });
    const callbacks = await get(`/v1/tickets/${ticketId}/callbacks`, 'technician');
    expect(callbacks.body.deliveries).toHaveLength(1);
    expect(callbacks.body.deliveries[0].url).toBe('https://hooks.example.com/…');
    expectNoSecret(detail.text + callbacks.text);
  });
});

describe('LOOKUPS_REQUIRE_KEY=true', () => {
  beforeEach(() => setUp({ lookupsRequireKey: true }));

  it('closes the certificate feed to callers without a key, as lookups are', async () => {
    expect((await get('/v1/changes', 'anonymous')).body).toMatchObject({ code: 'unauthorized', requiredRole: 'reader' });
    expect((await get('/v1/changes', 'reader')).status).toBe(200);
  });
});
