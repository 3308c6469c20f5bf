import type { Role } from './roles.ts';

/** Who made a request, as every route and the audit trail see it. */
export interface Principal {
  /** What the audit trail records: `key:<id>`, `admin-token`, or `ip:<address>` without a key. */
  actor: string;
  role: Role | null;
  keyId: number | null;
  /** The key's name (a technician's name), `ADMIN_TOKEN`, or the address. */
  name: string;
  /** The organisation requesters are counted by; null without a key. */
  organisation: string | null;
}

export function anonymous(ip: string): Principal {
  return { actor: `ip:${ip}`, role: null, keyId: null, name: ip, organisation: null };
}

/** The bootstrap administrator: whoever holds ADMIN_TOKEN, before (or besides) any admin key. */
export const BOOTSTRAP_ADMIN: Principal = {
  actor: 'admin-token',
  role: 'admin',
  keyId: null,
  name: 'ADMIN_TOKEN',
  organisation: null,
};
