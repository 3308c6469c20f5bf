import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from './auth.errors.ts';
import { type Authenticator, authenticate } from './authenticate.ts';
import type { Principal } from './principal.ts';
import { type Access, hasRole, type Role } from './roles.ts';

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

/** A callback-style `onRequest` hook from a check that throws its refusal. */
function onRequestCheck(check: (request: FastifyRequest) => void): onRequestHookHandler {
  return (request, _reply, done) => {
    try {
      check(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}

/** The role a route needs, or null when anyone may call it. */
function neededRole(route: RouteOptions, lookupsRequireKey: boolean): Role | null {
  const access: Access = route.config?.access ?? (route.url.startsWith('/v1/') ? 'lookup' : 'public');
  if (access === 'public') return null;
  if (access === 'lookup') return lookupsRequireKey ? 'reader' : null;
  return access;
}

/**
 * Identifies the caller of every request at the root `onRequest` stage, then enforces each
 * route's declared access in a hook added to that route alone: before body parsing (a
 * stranger's upload is refused unread) and before the rate limiter, which counts by key.
 *
 * Both hooks are callback style and the access is decided once per route, not per request: they
 * run on every lookup, where a promise or a `request.routeOptions` read per request cost
 * measurable throughput.
 */
export function authPlugin(options: AuthOptions) {
  return fp(
    async (app: FastifyInstance) => {
      app.decorateRequest('principal', null as unknown as Principal);
      app.addHook(
        'onRequest',
        onRequestCheck((request) => {
          request.principal = authenticate(request, options);
        }),
      );
      app.addHook('onRoute', (route) => {
        const needed = neededRole(route, options.lookupsRequireKey);
        if (needed === null) return;
        const enforce = onRequestCheck((request) => assertRole(request.principal, needed));
        const existing = route.onRequest ?? [];
        route.onRequest = [enforce, ...(Array.isArray(existing) ? existing : [existing])];
      });
    },
    { name: 'certref-auth', fastify: '5.x' },
  );
}
