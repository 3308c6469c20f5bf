import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../shared/problem-responses.ts';
import { matchKeyPrefixes } from './key-ranges.ts';
import type { CertificateListing } from './listing.repository.ts';
import { type ListingPage, listingPageSchema, listingQuerySchema } from './listing.schemas.ts';
import { decodeListingCursor, encodeListingCursor, filtersFingerprint } from './listing-cursor.ts';
import { listingItem } from './listing-item.ts';

export interface ListingRouteDeps {
  listing: CertificateListing;
  now: () => Date;
  today: () => string;
  /** The change feed's cursor for "after this change id" (GET /v1/changes `since`). */
  changesCursor: (lastChangeId: number) => string;
}

/** `GET /v1/certificates`: every certificate, page by page, as of the moment the walk began (docs/certificates.md §6). */
export function listingRoutes(deps: ListingRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/certificates',
      {
        // Certificates are as public as single lookups, with the same anonymous quotas.
        config: { access: 'lookup' },
        schema: {
          tags: ['certificates'],
          summary: '列出全部证书（快照分页） · List every certificate (snapshot paging)',
          description:
            '按匹配键顺序分页列出全部证书。第一页固定一个快照：之后各页只含当时已存在的证书，每张恰好一次，遍历期间新建的证书不出现；遍历期间被更新的证书显示其当前状态，这次更新也会出现在从 changesCursor 开始的变更流中（重复应用无害）。 ' +
            'Every certificate, page by page in match-key order, with no cap on how far paging goes. The first page pins a snapshot: the walk shows each certificate that existed then exactly once, and none created after, however imports run meanwhile. ' +
            'A certificate updated during the walk is shown as it is when its page is read (its current state, not as of the snapshot); that update also appears in GET /v1/changes from `changesCursor`, which is harmless: applying a change twice gives the same result. ' +
            'Read every page, then follow the change feed from `changesCursor` (the same on every page). The walk is complete when `nextCursor` is null.',
          querystring: listingQuerySchema,
          response: { 200: listingPageSchema, ...problemResponses(400, 401, 429) },
        },
      },
      async (request): Promise<ListingPage> => {
        const { authority, updatedSince, cursor, limit } = request.query;
        const fingerprint = filtersFingerprint({ authority, updatedSince });
        const position = cursor === undefined ? null : decodeListingCursor(cursor, fingerprint);
        const { rows, more, highWater, at } = deps.listing.consistently(() => {
          const highWater = position?.h ?? deps.listing.highWater();
          const at = position?.at ?? deps.now().toISOString();
          const page = deps.listing.page({
            prefixes: matchKeyPrefixes(authority),
            after: position?.k ?? null,
            highWater,
            updatedSince,
            limit,
          });
          return { ...page, highWater, at };
        });
        const today = deps.today();
        const last = rows.at(-1);
        return {
          items: rows.map((row) => listingItem(row, today)),
          nextCursor: more && last ? encodeListingCursor({ h: highWater, at, k: last.matchKey, f: fingerprint }) : null,
          dataAsOf: at,
          changesCursor: deps.changesCursor(highWater),
        };
      },
    );
  };
}
