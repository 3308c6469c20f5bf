import { requireRole } from './auth.plugin.ts';

/**
 * The former interim guard, kept so callers keep compiling: administrative routes now need the
 * `admin` role, which an admin API key or ADMIN_TOKEN (the bootstrap credential) carries.
 * Prefer `requireRole('admin')` or `config: { access: 'admin' }` in new code.
 */
export function requireAdminToken(_adminToken?: string | null) {
  return requireRole('admin');
}
