import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.ts';
import type { ChangeLog } from './change-log.ts';
import { changesPageSchema, changesQuerySchema } from './changes.schemas.ts';

/**
 * `GET /v1/changes`: every change to certificates, their versions and tickets, in order, for
 * systems that mirror certref: read from the start once, then poll with the cursor.
 */
export function changesRoutes(changeLog: ChangeLog): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/changes',
      {
        // The feed carries ticket history and who acted: never anonymous, even when lookups are open.
        config: { access: 'reader' },
        schema: {
          tags: ['freshness'],
          summary: '变更流（供镜像同步） · Follow every change (mirror feed)',
          description:
            '按游标依次返回证书、工单和密钥的每一项变更，最早的在前。 Changes to certificates (created, versions added: each entry lists the new version ids and the summary before and after), tickets and keys, oldest first, by cursor. Start without `since`; keep the returned nextCursor and pass it as `since` to get only what changed after.',
          querystring: changesQuerySchema,
          response: { 200: changesPageSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const { since, limit, entity } = request.query;
        const after = since === undefined ? 0 : decodeChangeCursor(since);
        // One more than asked says whether another page is waiting, without a count.
        const rows = changeLog.list({ after, limit: limit + 1, ...(entity ? { entity } : {}) });
        const changes = rows.slice(0, limit);
        const last = changes.at(-1)?.id ?? after;
        return { changes, nextCursor: encodeChangeCursor(last), hasMore: rows.length > limit };
      },
    );
  };
}
