import { defineError } from '../shared/app-error.ts';
import { ROLE_NAMES, type Role } from './roles.ts';

export const unauthorized = defineError(401, 'unauthorized', (needed: Role) => ({
  text: {
    zh: `需要${ROLE_NAMES[needed]}的 API 密钥（请求头 \`Authorization: Bearer <密钥>\`）。`,
    en: `An API key with the ${needed} role is required (Authorization: Bearer <key>).`,
  },
  extra: { requiredRole: needed },
}));

export const invalidApiKey = defineError(401, 'invalid_api_key', () => ({
  text: { zh: 'API 密钥无效或已被吊销。', en: 'The API key is invalid or has been revoked.' },
}));

export const forbidden = defineError(403, 'forbidden', (needed: Role, actual: Role | null) => ({
  text: {
    zh: `权限不足：此操作需要${ROLE_NAMES[needed]}角色${actual ? `，当前密钥为${ROLE_NAMES[actual]}` : ''}。`,
    en: `Forbidden: this needs the ${needed} role${actual ? `; the key has ${actual}` : ''}.`,
  },
  extra: { requiredRole: needed, role: actual },
}));

export const rateLimited = defineError(429, 'rate_limited', (max: number, retryAfterSeconds: number) => ({
  text: {
    zh: `请求过于频繁：每分钟最多 ${max} 次，请 ${retryAfterSeconds} 秒后重试。`,
    en: `Too many requests: at most ${max} a minute; retry in ${retryAfterSeconds} s.`,
  },
  extra: { limitPerMinute: max, retryAfterSeconds },
}));
