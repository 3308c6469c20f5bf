import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal.ts';
import type { Requester } from './lookup.service.ts';

/** Who is asking, from the API key's organisation (else the client address), with contact details a lookup may carry. */
export type RequesterOf = (request: FastifyRequest, extra?: { contact?: string; callbackUrl?: string }) => Requester;

export function requesterFrom(principalOf?: (request: FastifyRequest) => Principal | null): RequesterOf {
  return (request, extra = {}) => {
    const principal = principalOf?.(request) ?? null;
    return {
      organisation: principal?.organisation ?? `ip:${request.ip}`,
      opener: principal ? { actor: principal.actor, role: principal.role } : { actor: `ip:${request.ip}`, role: null },
      contact: extra.contact ?? null,
      callbackUrl: extra.callbackUrl ?? null,
    };
  };
}
