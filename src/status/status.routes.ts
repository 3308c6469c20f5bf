import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { statusSchema } from './status.schemas.ts';
import type { StatusService } from './status.service.ts';

/** `GET /v1/status`: how fresh each source is, for people and for monitoring. */
export function statusRoutes(status: StatusService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/status',
      {
        schema: {
          tags: ['freshness'],
          summary: 'Data freshness per source',
          description:
            'Per source of certificate data (UDI, each HTML source, file imports, corrections): last success and failure, what is stored, when its job runs next; and every scheduled job with its latest run.',
          response: { 200: statusSchema, ...problemResponses(401, 403, 429) },
        },
      },
      async () => status.report(),
    );
  };
}
