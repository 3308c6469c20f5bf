import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { bearer, createKeys, type Keys, MISSING_GD, missLookup, multipart, pdfBytes, tempDir } from '../tickets/fixtures.ts';

export type Who = 'anonymous' | 'reader' | 'technician' | 'admin';
export const WHO: Who[] = ['anonymous', 'reader', 'technician', 'admin'];

export interface SecretsWorld {
  ctx: TestContext;
  keys: Keys;
  adminToken: string;
  /** Every value no response may contain. */
  secrets: string[];
  /** A ticket whose requester left a callback URL with a token, claimed, with evidence and a delivery. */
  ticketId: number;
  attachmentId: number;
  credentialOf(who: Who): Record<string, string>;
}

/**
 * A real app holding every kind of secret certref knows: a key of each role, ADMIN_TOKEN,
 * CALLBACK_SECRET, a requester's callback URL with a token in its path and query, and the keys'
 * hashes as stored. The callback URL is on the discard port of loopback (allowed for the test), so
 * deliveries fail at once without the network.
 */
export async function secretsWorld(): Promise<SecretsWorld> {
  const adminToken = `adm-${randomBytes(16).toString('hex')}`;
  const callbackSecret = `cbs-${randomBytes(16).toString('hex')}`;
  const callbackToken = `cbt-${randomBytes(16).toString('hex')}`;
  const ctx = await buildTestApp({
    config: {
      attachmentsDir: tempDir('certref-att-'),
      rateLimitPerMinute: 0,
      adminToken,
      callbackSecret,
      callbackAllowPrivate: true,
      callbackMaxAttempts: 1,
    },
  });
  const keys = createKeys(ctx.services);
  storeDocuments(ctx.services, [
    {
      number: '粤械注准20172140123',
      documentType: 'registration',
      approvalDate: '2022-09-01',
      expiryDate: '2027-08-31',
      productName: '注射器',
    },
  ]);
  const callbackUrl = `http://user:${callbackToken}@127.0.0.1:9/hooks/${callbackToken}?token=${callbackToken}#${callbackToken}`;
  const query = `&contact=${encodeURIComponent('王经理 020-12345678')}&callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const ticketId = (await missLookup(ctx.app, MISSING_GD, keys.reader, query)).body.ticket.id as number;
  await ctx.app.inject({ method: 'POST', url: `/v1/tickets/${ticketId}/claim`, headers: bearer(keys.technician) });
  const { payload, headers } = multipart(pdfBytes('evidence'), 'evidence.pdf');
  const uploaded = await ctx.app.inject({
    method: 'POST',
    url: `/v1/tickets/${ticketId}/attachments`,
    payload,
    headers: { ...headers, ...bearer(keys.reader) },
  });
  const hashes = (ctx.services.database.sqlite.prepare('SELECT key_hash AS hash FROM api_keys').all() as { hash: string }[]).map(
    (r) => r.hash,
  );
  const credentialOf = (who: Who): Record<string, string> => (who === 'anonymous' ? {} : bearer(keys[who]));
  return {
    ctx,
    keys,
    adminToken,
    secrets: [...Object.values(keys), adminToken, callbackSecret, callbackToken, ...hashes],
    ticketId,
    attachmentId: uploaded.json().id as number,
    credentialOf,
  };
}

/** The secrets a response shows, in its body or any header. */
export function leakedSecrets(response: LightMyRequestResponse, secrets: string[]): string[] {
  const text = `${JSON.stringify(response.headers)}\n${response.body}`;
  return secrets.filter((secret) => text.includes(secret));
}
