import type { FastifyRequest } from 'fastify';
import type { Requester } from './lookup.service.ts';

/** Who is asking, from the API key's organisation (else the client address), with contact details a lookup may carry. */
export type RequesterOf = (request: FastifyRequest, extra?: { contact?: string; callbackUrl?: string }) => Requester;

export function requesterFrom(organisationOf?: (request: FastifyRequest) => string | null): RequesterOf {
  return (request, extra = {}) => ({
    organisation: organisationOf?.(request) ?? `ip:${request.ip}`,
    contact: extra.contact ?? null,
    callbackUrl: extra.callbackUrl ?? null,
  });
}
