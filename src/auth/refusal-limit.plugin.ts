import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { rateLimited } from './auth.errors.ts';

const WINDOW_MS = 60_000;

/** Refusals per address in the current minute; an address's entry goes once its minute is over. */
export class RefusalCounter {
  private readonly counts = new Map<string, { count: number; windowEndsAt: number }>();
  private nextSweepAt = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may be answered again, or 0 when it has refusals left. */
  blockedFor(address: string): number {
    const entry = this.counts.get(address);
    if (!entry || entry.count < this.perMinute) return 0;
    const left = entry.windowEndsAt - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  count(address: string): void {
    const now = this.now();
    this.sweep(now);
    const entry = this.counts.get(address);
    if (entry && entry.windowEndsAt > now) entry.count++;
    else this.counts.set(address, { count: 1, windowEndsAt: now + WINDOW_MS });
  }

  /** Keeps the map to the addresses refused in the last minute, however many come and go. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + WINDOW_MS;
    for (const [address, entry] of this.counts) if (entry.windowEndsAt <= now) this.counts.delete(address);
  }
}

/** Routes that opted out of rate limits (health probes, the console's files) are never blocked. */
const exempt = (request: FastifyRequest): boolean => request.routeOptions.config?.rateLimit === false;

/**
 * Refused requests (401, 403) are not free: each counts against the caller's address, at the
 * address's own limit (RATE_LIMIT_PER_MINUTE) but in a count of its own, so anonymous lookups from
 * a shared address do not use it up. An address refused that many times in a minute is answered
 * 429 `rate_limited` for the rest of the minute, before its credential is looked at: guessing
 * keys or ADMIN_TOKEN learns nothing more. Registered before the auth plugin so its check runs
 * first. 0 turns it off, with the other limits.
 */
export function refusalLimitPlugin(perMinute: number) {
  return fp(
    async (app: FastifyInstance) => {
      if (perMinute <= 0) return;
      const refusals = new RefusalCounter(perMinute);
      app.addHook('onRequest', (request, reply, done) => {
        const seconds = refusals.blockedFor(request.ip);
        if (seconds === 0 || exempt(request)) {
          done();
          return;
        }
        reply.header('retry-after', String(seconds));
        done(rateLimited(perMinute, seconds));
      });
      app.addHook('onResponse', (request, reply, done) => {
        if (reply.statusCode === 401 || reply.statusCode === 403) refusals.count(request.ip);
        done();
      });
    },
    { name: 'certref-refusal-limit', fastify: '5.x' },
  );
}
