import { hasRole, type Role } from '../auth/roles.ts';

/**
 * Who may read changes to each kind of entity. Certificates are public data, open as lookups are;
 * tickets name their requesters (technicians work them); key records are for admins. Kinds not
 * listed here are admin-only until someone decides otherwise.
 */
const NEEDED = new Map<string, Role | null>([
  ['certificate', null],
  ['ticket', 'technician'],
  ['api_key', 'admin'],
]);

/** The role reading changes to this kind of entity needs; null when lookups may read them. */
export function roleToRead(entity: string): Role | null {
  return NEEDED.has(entity) ? (NEEDED.get(entity) ?? null) : 'admin';
}

/** The kinds of entity a caller may read changes to; null for every kind (admins). */
export function readableEntities(role: Role | null): string[] | null {
  if (hasRole(role, 'admin')) return null;
  return [...NEEDED].filter(([, needed]) => needed === null || hasRole(role, needed)).map(([entity]) => entity);
}
