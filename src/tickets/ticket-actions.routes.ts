import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { ticketSummary } from './ticket-view.ts';
import { rejectBodySchema, resolveBodySchema, ticketParamsSchema, ticketSummarySchema } from './tickets.schemas.ts';
import type { Tickets } from './tickets.ts';

/** The workflow: claim, release, resolve, reject. Technicians only; an illegal move is a 409 with a code. */
export function ticketActionsRoutes(parts: Tickets): FastifyPluginAsyncZod {
  const { workflow } = parts;
  const common = { config: { access: 'technician' as const } };
  return async (app) => {
    app.post(
      '/v1/tickets/:id/claim',
      {
        ...common,
        schema: {
          tags: ['tickets'],
          summary: '认领工单 · Claim a ticket',
          description:
            '由你认领工单；认领自己已认领的工单会续期。 open → claimed by you, for CLAIM_TIMEOUT_MINUTES; claiming your own claimed ticket renews the claim.',
          params: ticketParamsSchema,
          response: { 200: ticketSummarySchema, ...problemResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request) => ticketSummary(await app.writes.run(() => workflow.claim(request.params.id, request.principal))),
    );

    app.post(
      '/v1/tickets/:id/release',
      {
        ...common,
        schema: {
          tags: ['tickets'],
          summary: '释放认领 · Release a claim',
          description: '工单回到待处理状态。 claimed → open. By the technician who claimed it, or an admin.',
          params: ticketParamsSchema,
          response: { 200: ticketSummarySchema, ...problemResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request) => ticketSummary(await app.writes.run(() => workflow.release(request.params.id, request.principal))),
    );

    app.post(
      '/v1/tickets/:id/resolve',
      {
        ...common,
        schema: {
          tags: ['tickets'],
          summary: '录入证书数据并办结 · Resolve with the certificate’s data',
          description:
            '录入证书数据并办结工单，此后的查询立即可得。 claimed (by you) → resolved. The data is validated like an import row and stored as a certificate version with source `correction`; every later lookup finds it. The ticket must have evidence attached.',
          params: ticketParamsSchema,
          body: resolveBodySchema,
          response: { 200: ticketSummarySchema, ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
        },
      },
      async (request) => ticketSummary(await app.writes.run(() => workflow.resolve(request.params.id, request.principal, request.body))),
    );

    app.post(
      '/v1/tickets/:id/reject',
      {
        ...common,
        schema: {
          tags: ['tickets'],
          summary: '驳回工单 · Reject with a reason',
          description:
            '说明原因后驳回工单。 claimed (by you) → rejected: `typo` (with the right number: later lookups of the mistyped number are told it), `not_guangdong`, `no_such_certificate`, or `other` (with a note).',
          params: ticketParamsSchema,
          body: rejectBodySchema,
          response: { 200: ticketSummarySchema, ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
        },
      },
      async (request) => ticketSummary(await app.writes.run(() => workflow.reject(request.params.id, request.principal, request.body))),
    );
  };
}
