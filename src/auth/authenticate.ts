import type { FastifyRequest } from 'fastify';
import { constantTimeEqual } from './api-key-secret.ts';
import { invalidApiKey } from './auth.errors.ts';
import { anonymous, BOOTSTRAP_ADMIN, type Principal } from './principal.ts';
import type { Role } from './roles.ts';

/** Finds the active key a presented secret belongs to (the keys repository is one). */
export interface KeyVerifier {
  authenticate(secret: string): { id: number; role: Role; name: string; organisation: string } | null;
}

/** The credential a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match ? match[1]!.trim() : header.trim();
  }
  const apiKey = request.headers['x-api-key'];
  const value = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  return value?.trim() || null;
}

export interface Authenticator {
  keys: KeyVerifier;
  /** ADMIN_TOKEN: a bootstrap admin credential for creating the first keys. */
  adminToken: string | null;
}

/**
 * Who is asking. No credential: anonymous, known by address. A credential that matches no active
 * key is refused even on open routes, so a revoked key never silently becomes anonymous.
 */
export function authenticate(request: FastifyRequest, deps: Authenticator): Principal {
  const key = presentedKey(request);
  if (!key) return anonymous(request.ip);
  if (deps.adminToken && constantTimeEqual(key, deps.adminToken)) return BOOTSTRAP_ADMIN;
  const record = deps.keys.authenticate(key);
  if (!record) throw invalidApiKey();
  return {
    actor: `key:${record.id}`,
    role: record.role,
    keyId: record.id,
    name: record.name,
    organisation: record.organisation,
  };
}
