import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { rateLimited } from './auth.errors.ts';

/** Counted per API key when there is one, else per client address. */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  return principal?.role ? principal.actor : `ip:${request.ip}`;
}

/**
 * RATE_LIMIT_PER_MINUTE requests a minute per key or address on every route registered after
 * this plugin (routes may opt out with `config: { rateLimit: false }`); 0 turns it off.
 * Over the limit: 429 problem+json with code `rate_limited` and Retry-After.
 */
export function rateLimitPlugin(perMinute: number) {
  return fp(
    async (app: FastifyInstance) => {
      if (perMinute <= 0) return;
      await app.register(rateLimit, {
        global: true,
        max: perMinute,
        timeWindow: 60_000,
        keyGenerator: rateLimitKey,
        errorResponseBuilder: (_request, context) => rateLimited(context.max, Math.max(1, Math.ceil(context.ttl / 1000))),
      });
    },
    { name: 'certref-rate-limit', fastify: '5.x', dependencies: ['certref-auth'] },
  );
}
