import type { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { Principal } from '../../auth/principal.ts';
import { hasRole } from '../../auth/roles.ts';
import type { WriteLock } from '../../db/write-lock.ts';
import type { TicketEvents } from '../ticket-events.ts';
import { attachmentNotFound, notARequester, ticketClosed, ticketNotFound } from '../tickets.errors.ts';
import type { TicketRow, TicketsRepository } from '../tickets.repository.ts';
import type { AttachmentStore, StoredFile } from './attachment-store.ts';
import type { AttachmentRow, AttachmentsRepository } from './attachments.repository.ts';
import { extensionOf } from './file-signature.ts';

export interface Upload {
  stream: Readable;
  fileName: string;
  truncated: () => boolean;
}

/** Evidence for tickets: who may attach, storing the file, recording it. */
export class EvidenceService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly tickets: TicketsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly store: AttachmentStore,
    private readonly events: TicketEvents,
    private readonly now: () => Date,
    private readonly writes: WriteLock,
  ) {}

  /** Checked before the upload is read, and again when it is recorded. */
  assertMayAttach(ticketId: number, who: Principal): TicketRow {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) throw ticketNotFound(ticketId);
    if (ticket.status === 'resolved' || ticket.status === 'rejected') throw ticketClosed(ticketId, ticket.status, 'attach');
    if (!hasRole(who.role, 'technician') && !(who.organisation && this.tickets.isRequester(ticketId, who.organisation))) {
      throw notARequester(ticketId);
    }
    return ticket;
  }

  async attach(ticketId: number, who: Principal, upload: Upload): Promise<{ attachment: AttachmentRow; created: boolean }> {
    this.assertMayAttach(ticketId, who);
    const stored = await this.store.save(upload.stream, upload.truncated);
    // Recorded after the upload was read, so waiting for the lock is this transaction's alone.
    return this.writes.run(() => this.record(ticketId, who, upload, stored));
  }

  private record(ticketId: number, who: Principal, upload: Upload, stored: StoredFile): { attachment: AttachmentRow; created: boolean } {
    return this.sqlite
      .transaction(() => {
        const ticket = this.assertMayAttach(ticketId, who);
        const result = this.attachments.add({
          ticketId,
          sha256: stored.sha256,
          mediaType: stored.mediaType,
          sizeBytes: stored.sizeBytes,
          fileName: cleanFileName(upload.fileName, stored.extension),
          uploadedBy: who.actor,
          uploadedByName: who.name,
          uploadedAt: this.now().toISOString(),
        });
        if (result.created) {
          this.events.record({
            actor: who.actor,
            action: 'attachment_added',
            before: ticket,
            after: ticket,
            details: {
              attachment: {
                id: result.attachment.id,
                sha256: stored.sha256,
                mediaType: stored.mediaType,
                sizeBytes: stored.sizeBytes,
                fileName: result.attachment.fileName,
              },
            },
          });
        }
        return result;
      })
      .immediate();
  }

  list(ticketId: number): (Omit<AttachmentRow, 'ticketId'> & { href: string })[] {
    return this.attachments.list(ticketId).map(({ ticketId: _ticketId, ...attachment }) => ({
      ...attachment,
      href: attachmentHref(ticketId, attachment.id),
    }));
  }

  file(ticketId: number, attachmentId: number): { attachment: AttachmentRow; stream: Readable } {
    const attachment = this.attachments.get(ticketId, attachmentId);
    if (!attachment) throw attachmentNotFound(ticketId, attachmentId);
    return { attachment, stream: this.store.open(attachment.sha256, extensionOf(attachment.mediaType)) };
  }
}

/** A display name only (the file is stored by hash): no path, no control characters, bounded. */
function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base || `evidence.${extension}`;
}

export const attachmentHref = (ticketId: number, attachmentId: number): string => `/v1/tickets/${ticketId}/attachments/${attachmentId}`;
