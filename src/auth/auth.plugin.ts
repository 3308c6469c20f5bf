import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate, type Authenticator } from './authenticate.ts';
import { forbidden, unauthorized } from './auth.errors.ts';
import type { Principal } from './principal.ts';
import { hasRole, type Access, type Role } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request by the auth plugin before any route-level hook runs. */
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** Who may call the route; `/v1/…` routes without one are lookups. */
    access?: Access;
  }
}

export interface AuthOptions extends Authenticator {
  /** LOOKUPS_REQUIRE_KEY: lookups need at least a reader key. */
  lookupsRequireKey: boolean;
}

/** Throws 401 without a key, 403 with a key whose role is too low. */
export function assertRole(principal: Principal, needed: Role): void {
  if (principal.role === null) throw unauthorized(needed);
  if (!hasRole(principal.role, needed)) throw forbidden(needed, principal.role);
}

/** A hook for routes outside this plugin's reach (e.g. a scoped `onRequest` in a route plugin). */
export function requireRole(role: Role) {
  return async (request: FastifyRequest): Promise<void> => assertRole(request.principal, role);
}

function accessOf(request: FastifyRequest): Access {
  const declared = request.routeOptions.config?.access;
  if (declared) return declared;
  return request.routeOptions.url?.startsWith('/v1/') ? 'lookup' : 'public';
}

/**
 * Identifies the caller of every request and enforces the route's declared access, at the root
 * `onRequest` stage: before body parsing (a stranger's upload is refused unread) and before the
 * rate limiter, which counts by key.
 */
export function authPlugin(options: AuthOptions) {
  return fp(
    async (app: FastifyInstance) => {
      app.decorateRequest('principal', null as unknown as Principal);
      app.addHook('onRequest', async (request) => {
        request.principal = authenticate(request, options);
        const access = accessOf(request);
        if (access === 'public') return;
        if (access === 'lookup') {
          if (options.lookupsRequireKey) assertRole(request.principal, 'reader');
          return;
        }
        assertRole(request.principal, access);
      });
    },
    { name: 'certref-auth', fastify: '5.x' },
  );
}
