import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertRole } from '../auth/auth.plugin.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import { readableEntities, roleToRead } from './change-access.ts';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.ts';
import type { ChangeLog, ChangeRecord } from './change-log.ts';
import type { ChangeVersions } from './change-versions.ts';
import { changesPageSchema, changesQuerySchema } from './changes.schemas.ts';

/**
 * `GET /v1/changes`: every change to certificates, their versions and tickets, in order, for
 * systems that mirror certref: read from the start once, then poll with the cursor.
 */
export function changesRoutes(changeLog: ChangeLog, versions: ChangeVersions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/changes',
      {
        // Certificate changes are as public as lookups; the handler narrows the rest by role.
        config: { access: 'lookup' },
        schema: {
          tags: ['freshness'],
          summary: '变更流（供镜像同步） · Follow every change (mirror feed)',
          description:
            '按游标依次返回变更，最早的在前，按角色限定范围：可查询证书者可见证书变更，技术人员另可见工单，管理员可见密钥。 Changes oldest first, by cursor, scoped by role: certificate changes (created, versions added: each entry lists the new version ids and the summary before and after) for anyone who may look certificates up; tickets for technicians; keys for admins. Asking for an `entity` the key may not read answers 401 or 403. Start without `since`; keep the returned nextCursor and pass it as `since` to get only what changed after.',
          querystring: changesQuerySchema,
          response: { 200: changesPageSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const { since, limit, entity, include } = request.query;
        const needed = entity === undefined ? null : roleToRead(entity);
        if (needed) assertRole(request.principal, needed);
        const after = since === undefined ? 0 : decodeChangeCursor(since);
        const entities = entity === undefined ? readableEntities(request.principal.role) : [entity];
        // One more than asked says whether another page is waiting, without a count.
        const rows = changeLog.list({ after, limit: limit + 1, ...(entities ? { entities } : {}) });
        const page = rows.slice(0, limit);
        const last = page.at(-1)?.id ?? after;
        const changes = include === 'versions' ? withContents(page, versions) : page;
        return { changes, nextCursor: encodeChangeCursor(last), hasMore: rows.length > limit };
      },
    );
  };
}

/** Certificate changes that added versions carry them in full; every other entry is as it was. */
function withContents(changes: ChangeRecord[], versions: ChangeVersions) {
  const adding = changes.filter((change) => change.entity === 'certificate' && versionIdsOf(change).length > 0);
  const contents = versions.contentsOf(adding.map(versionIdsOf));
  const byChange = new Map(adding.map((change, i) => [change, contents[i]]));
  return changes.map((change) => ({ ...change, ...byChange.get(change) }));
}

function versionIdsOf(change: ChangeRecord): number[] {
  const after = change.after as { versionIds?: unknown } | null;
  return Array.isArray(after?.versionIds) ? after.versionIds.filter((id): id is number => Number.isInteger(id)) : [];
}
