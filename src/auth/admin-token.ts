import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim();
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A preHandler guarding administrative routes with `Authorization: Bearer <ADMIN_TOKEN>`. */
export function requireAdminToken(adminToken: string | null) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!adminToken) {
      throw new AppError(403, 'admin_disabled', {
        zh: '未配置 ADMIN_TOKEN，管理接口已关闭。',
        en: 'Administrative routes are disabled: ADMIN_TOKEN is not configured.',
      });
    }
    const token = bearer(request);
    if (!token) {
      throw new AppError(401, 'unauthorized', { zh: '需要管理员令牌。', en: 'An admin token is required.' });
    }
    if (!equal(token, adminToken)) {
      throw new AppError(403, 'forbidden', { zh: '令牌无效或权限不足。', en: 'The token is invalid or lacks permission.' });
    }
  };
}
