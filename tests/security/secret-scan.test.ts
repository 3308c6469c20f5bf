import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSING_GD } from '../tickets/fixtures.ts';
import { type DocumentedRoute, documentedRoutes } from './documented-routes.ts';
import { leakedSecrets, type SecretsWorld, secretsWorld, WHO } from './secrets-fixture.ts';

let world: SecretsWorld;
beforeAll(async () => {
  world = await secretsWorld();
});
afterAll(() => world.ctx.close());

/** Path parameters that name the ticket, evidence and certificate holding the secrets. */
function concretePath(route: DocumentedRoute): string {
  // Deleting a key revokes it: each caller deletes one made for it, never one the test uses.
  const throwaway = () => String(world.ctx.services.apiKeys.create({ name: '待吊销', role: 'reader' }, 'test').record.id);
  const values: Record<string, string> = {
    id: route.key === 'DELETE /v1/keys/{id}' ? throwaway() : String(world.ticketId),
    attachmentId: String(world.attachmentId),
    number: encodeURIComponent(MISSING_GD),
    di: '06901234567892',
  };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1');
}

/** The widest answer each route gives: every entity, revoked keys, the most entries. */
const WIDEST: Record<string, string> = {
  'GET /v1/changes': '?limit=1000',
  'GET /v1/audit': '?limit=500',
  'GET /v1/keys': '?includeRevoked=true',
  'GET /v1/tickets': '?limit=100',
};

const ROUTES = await documentedRoutes();

describe('no response shows a secret', () => {
  it.each(WHO)('to %s, on any documented route', async (who) => {
    const leaks: string[] = [];
    for (const route of ROUTES) {
      const request: InjectOptions = {
        method: route.method as InjectOptions['method'],
        url: `${concretePath(route)}${WIDEST[route.key] ?? ''}`,
        headers: world.credentialOf(who),
        ...(route.bodyTypes.includes('application/json') ? { payload: {} } : {}),
      };
      const response = await world.ctx.app.inject(request);
      expect(response.statusCode, `${route.key}: ${response.body}`).toBeLessThan(500);
      for (const secret of leakedSecrets(response, world.secrets)) leaks.push(`${route.key} shows ${secret.slice(0, 8)}…`);
    }
    expect(leaks).toEqual([]);
  });

  it('when a key is created, revoked or listed, beyond the one answer that hands it over', async () => {
    const created = await world.ctx.app.inject({
      method: 'POST',
      url: '/v1/keys',
      payload: { name: '临时', role: 'reader' },
      headers: world.credentialOf('admin'),
    });
    const { id, key } = created.json();
    const others = world.secrets;
    expect(leakedSecrets(created, others)).toEqual([]);
    for (const request of [
      { method: 'DELETE' as const, url: `/v1/keys/${id}` },
      { method: 'GET' as const, url: '/v1/keys?includeRevoked=true' },
      { method: 'GET' as const, url: '/v1/audit?entity=api_key' },
      { method: 'GET' as const, url: '/v1/changes?entity=api_key' },
    ]) {
      const response = await world.ctx.app.inject({ ...request, headers: world.credentialOf('admin') });
      expect(response.statusCode).toBe(200);
      expect(leakedSecrets(response, [...others, key])).toEqual([]);
    }
  });
});
