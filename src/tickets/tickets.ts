import type { EvidenceService } from './attachments/evidence.service.ts';
import type { CallbackDispatcher } from './callbacks/callback-dispatcher.ts';
import type { CallbackOutbox } from './callbacks/callback-outbox.ts';
import type { QueueQueries } from './queue.query.ts';
import type { TicketIntake } from './ticket-intake.ts';
import type { TicketWorkflow } from './ticket-workflow.ts';
import type { TicketsRepository } from './tickets.repository.ts';

/** The correction queue's parts, as the composition root builds them and the queue's routes use them. */
export interface Tickets {
  repository: TicketsRepository;
  queue: QueueQueries;
  intake: TicketIntake;
  workflow: TicketWorkflow;
  evidence: EvidenceService;
  outbox: CallbackOutbox;
  dispatcher: CallbackDispatcher;
}
