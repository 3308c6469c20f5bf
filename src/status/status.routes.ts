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
          summary: '各数据源的新鲜度 · Data freshness per source',
          description:
            '每个证书数据来源最近的成功与失败、所存数据量及下次运行时间，以及每个定时任务的最近一次运行。 Per source of certificate data (UDI, each HTML source, file imports, corrections): last success and failure, what is stored, when its job runs next; and every scheduled job with its latest run.',
          response: { 200: statusSchema, ...problemResponses(401, 403, 429) },
        },
      },
      async () => status.report(),
    );
  };
}
