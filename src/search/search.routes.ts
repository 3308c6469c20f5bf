import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { type SearchResponse, searchQuerySchema, searchResponseSchema } from './search.schemas.ts';
import type { SearchAnswer, SearchService } from './search.service.ts';
import { FACET_NAMES, type FacetCounts } from './search.types.ts';

/** Set when the configured engine (Meilisearch) could not answer and the embedded index did. */
const FALLBACK_HEADER = 'x-search-fallback';
const ENGINE_HEADER = 'x-search-engine';
/** Set while the embedded index catches up after a bulk import: what it does not show yet. */
const AS_OF_HEADER = 'x-search-as-of';
const LAG_HEADER = 'x-search-lag';

export function searchRoutes(service: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/search',
      {
        schema: {
          tags: ['search'],
          summary: '搜索证书 · Search certificates',
          description:
            '按证号、证号片段、产品名称或注册人/备案人搜索。 By number, number fragment, product name or holder. A query that is a certificate number puts that certificate first; then numbers starting with the query, numbers containing it, product names containing it, holders containing it. ' +
            'The response header X-Search-Engine names the engine that answered; X-Search-Fallback: embedded says Meilisearch was configured but unreachable and the embedded index answered. ' +
            'While the embedded index catches up after a bulk import, X-Search-As-Of gives the instant before which every change is searchable and X-Search-Lag how many seconds ago that was; lookups by number are always current.',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema, ...problemResponses(400, 422) },
        },
      },
      async (request, reply) => {
        const { q, limit, cursor, class: managementClass, ...filters } = request.query;
        const answer = await service.search({ q, limit, cursor, filters: { ...filters, managementClass } });
        reply.header(ENGINE_HEADER, answer.engine);
        if (answer.indexBehindSince !== null) {
          reply.header(AS_OF_HEADER, answer.indexBehindSince);
          reply.header(LAG_HEADER, String(Math.max(0, Math.round((Date.now() - Date.parse(answer.indexBehindSince)) / 1000))));
        }
        if (answer.fallback) {
          reply.header(FALLBACK_HEADER, answer.engine);
          request.log.warn({ reason: answer.fallbackReason }, 'search answered from the embedded index: Meilisearch unavailable');
        }
        return toResponse(answer);
      },
    );
  };
}

function toResponse(answer: SearchAnswer): SearchResponse {
  return {
    hits: answer.hits,
    total: answer.total,
    facets: facetLists(answer.facets),
    facetsExact: answer.facetsExact,
    nextCursor: answer.nextCursor,
    engine: answer.engine,
  };
}

function facetLists(facets: FacetCounts): SearchResponse['facets'] {
  const lists = {} as SearchResponse['facets'];
  for (const name of FACET_NAMES) {
    lists[name] = Object.entries(facets[name])
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return lists;
}
