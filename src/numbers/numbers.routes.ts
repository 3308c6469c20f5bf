import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { normalise } from './normalise.ts';
import { normaliseBatchBodySchema, normaliseBatchResponseSchema } from './numbers.schemas.ts';

export function numbersRoutes(currentYear: () => number): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/numbers/normalize',
      {
        schema: {
          tags: ['numbers'],
          summary: '规范化证号 · Normalise certificate numbers',
          description:
            '对最多 1000 条输入运行证号引擎，返回每条中找到的全部证号。 Runs the number engine on up to 1,000 inputs and returns every number found in each.',
          body: normaliseBatchBodySchema,
          response: { 200: normaliseBatchResponseSchema, ...problemResponses(400, 413) },
        },
      },
      async (request) => {
        const year = currentYear();
        return { results: request.body.inputs.map((input) => ({ input, ...normalise(input, { currentYear: year }) })) };
      },
    );
  };
}
