import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { redactCallbackUrl } from '../auth/redaction.ts';
import { hasRole } from '../auth/roles.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import { changeRecordSchema } from '../changes/changes.schemas.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import { TICKET_REF_PATTERN } from './requesters/ticket-ref.ts';
import { type TicketDetail, ticketSummary } from './ticket-view.ts';
import { ticketNotFound } from './tickets.errors.ts';
import type { TicketRow } from './tickets.repository.ts';
import {
  deliverySchema,
  queuePageSchema,
  queueQuerySchema,
  ticketDetailSchema,
  ticketLocatorParamsSchema,
  ticketParamsSchema,
} from './tickets.schemas.ts';
import type { Tickets } from './tickets.ts';

/** Reading the queue: the list and a ticket for technicians; a ticket's state for its requesters. */
export function ticketsRoutes(parts: Tickets, changeLog: ChangeLog, actorName: (actor: string) => string): FastifyPluginAsyncZod {
  const { queue, repository: tickets, workflow, evidence, outbox } = parts;
  /** By bare id only the queue's staff and the organisations that asked; an address is nobody's identity. */
  const readableById = (id: number, who: Principal): TicketRow | null => {
    if (hasRole(who.role, 'technician')) return tickets.get(id);
    if (!who.organisation || !tickets.isRequester(id, who.organisation)) return null;
    return tickets.get(id);
  };
  return async (app) => {
    app.get(
      '/v1/tickets',
      {
        config: { access: 'technician' },
        schema: {
          tags: ['tickets'],
          summary: '补录工单队列 · The correction queue',
          description:
            '查询不到的广东证号生成的工单，可按状态筛选，按请求次数或等待时间排序。 Tickets for missing Guangdong numbers, filtered by state, most asked-for or longest waiting first, paginated by cursor.',
          querystring: queueQuerySchema,
          response: { 200: queuePageSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        await app.writes.run(() => workflow.sweepExpiredClaims());
        const page = queue.page(request.query);
        return { ...page, tickets: page.tickets.map(ticketSummary) };
      },
    );

    app.get(
      '/v1/tickets/:id',
      {
        config: { access: 'lookup' },
        schema: {
          tags: ['tickets'],
          summary: '工单详情 · A ticket',
          description:
            '工单状态：凭查询未命中时返回的 ref（即 href）查看，或由技术人员、提出查询的单位的密钥凭编号查看；其他人凭编号查看一律答 404，无法逐号遍历。技术人员还可看到请求方、每日查询次数和证明材料。 Its state, for whoever looked the number up: by the ref the 404 gave (its `href`), or by id with a technician key or a key of an organisation that asked. By id, anyone else is told 404, as for a ticket that does not exist, so tickets cannot be read by counting ids. Technicians also see the requesters, lookups per day and the evidence.',
          params: ticketLocatorParamsSchema,
          response: { 200: ticketDetailSchema, ...problemResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        await app.writes.run(() => workflow.sweepExpiredClaims());
        const { id } = request.params;
        const row = TICKET_REF_PATTERN.test(id) ? tickets.byReference(id) : readableById(Number(id), request.principal);
        if (!row) throw ticketNotFound(id);
        const view: TicketDetail | ReturnType<typeof ticketSummary> = ticketSummary(row);
        if (!hasRole(request.principal.role, 'technician')) return view;
        return {
          ...view,
          // Contacts are for the technician working the ticket; a callback URL may carry the requester's token.
          requesters: tickets
            .requesters(row.id)
            .map((r) => ({ ...r, callbackUrl: r.callbackUrl === null ? null : redactCallbackUrl(r.callbackUrl) })),
          lookupsByDay: tickets.lookupsByDay(row.id),
          attachments: evidence.list(row.id),
        };
      },
    );

    app.get(
      '/v1/tickets/:id/history',
      {
        config: { access: 'technician' },
        schema: {
          tags: ['tickets'],
          summary: '工单审计记录 · A ticket’s audit trail',
          description: '工单的每一次变更，最早的在前。 Every change to the ticket, oldest first: who, when, before and after.',
          params: ticketParamsSchema,
          response: {
            200: z.object({
              entries: z
                .array(
                  changeRecordSchema.extend({
                    actorName: z.string().describe('便于人阅读的操作者名称（密钥名称）。 The actor as a person reads it (a key’s name).'),
                  }),
                )
                .describe('变更记录，最早的在前。 Changes, oldest first.'),
            }),
            ...problemResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (!tickets.get(id)) throw ticketNotFound(id);
        const entries = changeLog.list({ entity: 'ticket', entityId: String(id), limit: 1000 });
        return { entries: entries.map((entry) => ({ ...entry, actorName: actorName(entry.actor) })) };
      },
    );

    app.get(
      '/v1/tickets/:id/callbacks',
      {
        config: { access: 'technician' },
        schema: {
          tags: ['tickets'],
          summary: '工单回调投递记录 · A ticket’s callback deliveries',
          description:
            '向请求方回调地址发送的每一次签名 POST 及其结果。 The delivery log: every signed POST to a requester’s callback URL, its attempts and outcome.',
          params: ticketParamsSchema,
          response: {
            200: z.object({ deliveries: z.array(deliverySchema).describe('回调投递记录，最早的在前。 Deliveries, oldest first.') }),
            ...problemResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (!tickets.get(id)) throw ticketNotFound(id);
        return {
          deliveries: outbox.deliveries(id).map(({ payload: _payload, ticketId: _ticketId, url, lastError, ...rest }) => ({
            ...rest,
            url: redactCallbackUrl(url),
            lastError: lastError === null ? null : lastError.replaceAll(url, redactCallbackUrl(url)),
          })),
        };
      },
    );
  };
}
