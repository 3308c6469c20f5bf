import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import type { ApiKeysRepository } from './api-keys.repository.ts';
import {
  apiKeySchema,
  createdKeySchema,
  createKeyBodySchema,
  keyListQuerySchema,
  keyListSchema,
  keyParamsSchema,
  whoAmISchema,
} from './keys.schemas.ts';

/** Key management for admins, and `GET /v1/auth/me` for anyone to check their key. */
export function keysRoutes(keys: ApiKeysRepository): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/auth/me',
      {
        config: { access: 'public' },
        schema: {
          tags: ['access'],
          summary: '当前身份 · Who am I',
          description:
            '所出示密钥的角色和所属单位。 The role and organisation of the presented key (the console signs in with this). 401 for an unknown or revoked key.',
          response: { 200: whoAmISchema, ...problemResponses(401, 429) },
        },
      },
      async (request) => {
        const { actor, role, name, organisation } = request.principal;
        return { actor, role, name, organisation };
      },
    );

    app.post(
      '/v1/keys',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: '创建 API 密钥 · Create an API key',
          description: '密钥只返回一次，仅保存其 SHA-256。 Answers the key once; only its SHA-256 is stored. Recorded in the audit trail.',
          body: createKeyBodySchema,
          response: { 201: createdKeySchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const { record, key } = await app.writes.run(() => keys.create(request.body, request.principal.actor));
        return reply
          .code(201)
          .header('location', `/v1/keys/${record.id}`)
          .send({ ...record, key });
      },
    );

    app.get(
      '/v1/keys',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: '列出 API 密钥 · List API keys',
          description: '列出有效密钥（可选含已吊销的），从不显示密钥本身。 Active keys (and revoked ones on request), never their secrets.',
          querystring: keyListQuerySchema,
          response: { 200: keyListSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request) => ({ keys: keys.list({ includeRevoked: request.query.includeRevoked }) }),
    );

    app.delete(
      '/v1/keys/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: '吊销 API 密钥 · Revoke an API key',
          description: '密钥立即失效。 The key stops working at once. Revoking a revoked key changes nothing.',
          params: keyParamsSchema,
          response: { 200: apiKeySchema, ...problemResponses(400, 401, 403, 404, 429) },
        },
      },
      async (request) => app.writes.run(() => keys.revoke(request.params.id, request.principal.actor)),
    );
  };
}
