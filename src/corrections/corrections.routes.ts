import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ChangeLog } from '../audit/change-log.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import type { Corrections } from './corrections.ts';
import { ticketActionsRoutes } from './ticket-actions.routes.ts';
import { ticketsRoutes } from './tickets.routes.ts';

/** Every route of the correction queue. */
export function correctionsRoutes(corrections: Corrections, changeLog: ChangeLog, actorName: (actor: string) => string): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(ticketsRoutes(corrections, changeLog, actorName));
    await app.register(ticketActionsRoutes(corrections));
    await app.register(attachmentsRoutes(corrections));
  };
}
