import type Database from 'better-sqlite3';
import type { EvidenceKind } from './file-signature.ts';

export interface AttachmentRow {
  id: number;
  ticketId: number;
  sha256: string;
  mediaType: EvidenceKind['mediaType'];
  sizeBytes: number;
  fileName: string;
  uploadedBy: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

const COLUMNS = `id, ticket_id AS ticketId, sha256, media_type AS mediaType, size_bytes AS sizeBytes,
  file_name AS fileName, uploaded_by AS uploadedBy, uploaded_by_name AS uploadedByName, uploaded_at AS uploadedAt`;

/** Evidence metadata; the bytes live in the attachment store under their sha256. */
export class AttachmentsRepository {
  private readonly insert: Database.Statement;
  private readonly bySha: Database.Statement<[number, string], AttachmentRow>;
  private readonly byId: Database.Statement<[number, number], AttachmentRow>;
  private readonly ofTicket: Database.Statement<[number], AttachmentRow>;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare(`
      INSERT INTO ticket_attachments (ticket_id, sha256, media_type, size_bytes, file_name, uploaded_by, uploaded_by_name, uploaded_at)
      VALUES (@ticketId, @sha256, @mediaType, @sizeBytes, @fileName, @uploadedBy, @uploadedByName, @uploadedAt)
      ON CONFLICT (ticket_id, sha256) DO NOTHING`);
    this.bySha = sqlite.prepare(`SELECT ${COLUMNS} FROM ticket_attachments WHERE ticket_id = ? AND sha256 = ?`);
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM ticket_attachments WHERE ticket_id = ? AND id = ?`);
    this.ofTicket = sqlite.prepare(`SELECT ${COLUMNS} FROM ticket_attachments WHERE ticket_id = ? ORDER BY id`);
  }

  /** Adds the attachment; the same file twice on one ticket is kept once (`created: false`). */
  add(row: Omit<AttachmentRow, 'id'>): { attachment: AttachmentRow; created: boolean } {
    const result = this.insert.run(row);
    return { attachment: this.bySha.get(row.ticketId, row.sha256)!, created: result.changes > 0 };
  }

  get(ticketId: number, id: number): AttachmentRow | null {
    return this.byId.get(ticketId, id) ?? null;
  }

  list(ticketId: number): AttachmentRow[] {
    return this.ofTicket.all(ticketId);
  }
}
