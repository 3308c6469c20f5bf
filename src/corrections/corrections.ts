import type Database from 'better-sqlite3';
import type { ChangeLog } from '../audit/change-log.ts';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import { AttachmentStore } from './attachment-store.ts';
import { AttachmentsRepository } from './attachments.repository.ts';
import { CallbackDispatcher, type CallbackSettings } from './callback-dispatcher.ts';
import { CallbackOutbox } from './callback-outbox.ts';
import { EvidenceService } from './evidence.service.ts';
import { QueueQueries } from './queue.query.ts';
import { TicketEvents } from './ticket-events.ts';
import { TicketIntake } from './ticket-intake.ts';
import { TicketWorkflow } from './ticket-workflow.ts';
import { TicketsRepository } from './tickets.repository.ts';

export interface CorrectionsDeps {
  sqlite: Database.Database;
  changeLog: ChangeLog;
  writer: CertificateWriter;
  now: () => Date;
  today: () => string;
  currentYear: () => number;
  claimTimeoutMinutes: number;
  attachmentsDir: string;
  callbacks: CallbackSettings;
}

/** The correction queue's parts, built once by the composition root. */
export interface Corrections {
  tickets: TicketsRepository;
  queue: QueueQueries;
  intake: TicketIntake;
  workflow: TicketWorkflow;
  evidence: EvidenceService;
  outbox: CallbackOutbox;
  dispatcher: CallbackDispatcher;
  /** Starts delivering callbacks and releasing timed-out claims (the server process calls this). */
  start(): void;
  stop(): void;
}

export function createCorrections(deps: CorrectionsDeps): Corrections {
  const { sqlite, now } = deps;
  const tickets = new TicketsRepository(sqlite);
  const attachments = new AttachmentsRepository(sqlite);
  const dispatcher = new CallbackDispatcher(sqlite, deps.callbacks);
  const outbox = new CallbackOutbox(sqlite, deps.callbacks.secret !== null, () => dispatcher.kick());
  const events = new TicketEvents(deps.changeLog, outbox, now);
  const clock = { now, today: deps.today, currentYear: deps.currentYear };
  const workflow = new TicketWorkflow(sqlite, tickets, attachments, deps.writer, events, clock, deps.claimTimeoutMinutes * 60_000);
  return {
    tickets,
    queue: new QueueQueries(sqlite),
    intake: new TicketIntake(sqlite, tickets, events, clock, { allowPrivate: deps.callbacks.allowPrivate }),
    workflow,
    evidence: new EvidenceService(sqlite, tickets, attachments, new AttachmentStore(deps.attachmentsDir), events, now),
    outbox,
    dispatcher,
    // Lapsed claims need no timer here: every queue read and workflow action sweeps them first,
    // and the scheduler's corrections-sweep job releases them (and tells requesters) when idle.
    start() {
      dispatcher.start();
    },
    stop() {
      dispatcher.stop();
    },
  };
}
