import type Database from 'better-sqlite3';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { auditPageSchema, auditQuerySchema } from './audit.schemas.ts';
import { auditCursor } from './audit-cursor.ts';
import { queryAudit } from './audit-query.ts';

/** `GET /v1/audit`: every change to certificates, tickets and keys, for admins. */
export function auditRoutes(sqlite: Database.Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/audit',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: '审计记录 · Read the audit trail',
          description:
            '谁在何时改了什么，含改动前后的状态。 Who changed what and when, with the state before and after; newest first, filtered, paginated by cursor.',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const { cursor, since, until, ...rest } = request.query;
        const page = queryAudit(sqlite, {
          ...rest,
          before: cursor === undefined ? undefined : auditCursor.decode(cursor).before,
          since: since === undefined ? undefined : new Date(since).toISOString(),
          until: until === undefined ? undefined : new Date(until).toISOString(),
        });
        return { entries: page.entries, nextCursor: page.nextBefore === null ? null : auditCursor.encode({ before: page.nextBefore }) };
      },
    );
  };
}
