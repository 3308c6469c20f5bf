import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { problemResponses } from '../shared/problem-responses.ts';
import { ticketSummary } from './ticket-view.ts';
import { rejectBodySchema, resolveBodySchema, ticketParamsSchema, ticketSummarySchema } from './tickets.schemas.ts';
import type { Tickets } from './tickets.ts';

/** A move that reads no body can still fail on the ticket's state (409); one with a body also on its data (422). */
const MOVE_PROBLEMS = [400, 401, 403, 404, 409, 429];
const MOVE_WITH_DATA_PROBLEMS = [400, 401, 403, 404, 409, 422, 429];

/** Every move is a technician's POST on one ticket that answers the ticket as it now stands. */
function moveOptions<Body extends { body?: z.ZodType }>(summary: string, description: string, body: Body, problems: number[]) {
  return {
    config: { access: 'technician' as const },
    schema: {
      tags: ['tickets'],
      summary,
      description,
      params: ticketParamsSchema,
      ...body,
      response: { 200: ticketSummarySchema, ...problemResponses(...problems) },
    },
  };
}

/** The workflow: claim, release, resolve, reject. Technicians only; an illegal move is a 409 with a code. */
export function ticketActionsRoutes(parts: Tickets): FastifyPluginAsyncZod {
  const { workflow } = parts;
  return async (app) => {
    app.post(
      '/v1/tickets/:id/claim',
      moveOptions(
        '认领工单 · Claim a ticket',
        '由你认领工单；认领自己已认领的工单会续期。 open → claimed by you, for CLAIM_TIMEOUT_MINUTES; claiming your own claimed ticket renews the claim.',
        {},
        MOVE_PROBLEMS,
      ),
      async (request) => ticketSummary(await app.writes.run(() => workflow.claim(request.params.id, request.principal))),
    );

    app.post(
      '/v1/tickets/:id/release',
      moveOptions(
        '释放认领 · Release a claim',
        '工单回到待处理状态。 claimed → open. By the technician who claimed it, or an admin.',
        {},
        MOVE_PROBLEMS,
      ),
      async (request) => ticketSummary(await app.writes.run(() => workflow.release(request.params.id, request.principal))),
    );

    app.post(
      '/v1/tickets/:id/resolve',
      moveOptions(
        '录入证书数据并办结 · Resolve with the certificate’s data',
        '录入证书数据并办结工单，此后的查询立即可得。 claimed (by you) → resolved. The data is validated like an import row and stored as a certificate version with source `correction`; every later lookup finds it. The ticket must have evidence attached.',
        { body: resolveBodySchema },
        MOVE_WITH_DATA_PROBLEMS,
      ),
      async (request) => ticketSummary(await app.writes.run(() => workflow.resolve(request.params.id, request.principal, request.body))),
    );

    app.post(
      '/v1/tickets/:id/reject',
      moveOptions(
        '驳回工单 · Reject with a reason',
        '说明原因后驳回工单。 claimed (by you) → rejected: `typo` (with the right number: later lookups of the mistyped number are told it), `not_guangdong`, `no_such_certificate`, or `other` (with a note).',
        { body: rejectBodySchema },
        MOVE_WITH_DATA_PROBLEMS,
      ),
      async (request) => ticketSummary(await app.writes.run(() => workflow.reject(request.params.id, request.principal, request.body))),
    );
  };
}
