/** What a key may do; each role includes the ones before it. */
export const ROLES = ['reader', 'technician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route needs: `public` (nothing), `lookup` (nothing, or a reader key when
 * LOOKUPS_REQUIRE_KEY is set), or at least the named role.
 */
export type Access = 'public' | 'lookup' | Role;

const RANK: Record<Role, number> = { reader: 1, technician: 2, admin: 3 };

export function hasRole(actual: Role | null, needed: Role): boolean {
  return actual !== null && RANK[actual] >= RANK[needed];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_NAMES: Record<Role, string> = { reader: '查询方', technician: '技术人员', admin: '管理员' };
