import type Database from 'better-sqlite3';
import type { RejectReason, Resolution, TicketStatus } from './ticket-state.ts';

export interface TicketRow {
  id: number;
  ref: string;
  canonical: string;
  matchKey: string;
  family: string;
  status: TicketStatus;
  requestCount: number;
  requesterCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: string | null;
  claimExpiresAt: string | null;
  resolution: Resolution | null;
  rejectReason: RejectReason | null;
  correctNumber: string | null;
  rejectNote: string | null;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: string | null;
  certificateVersionId: number | null;
  openedBy: string | null;
  updatedAt: string;
}

export interface RequesterRow {
  organisation: string;
  contact: string | null;
  callbackUrl: string | null;
  requestCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface MissRecord {
  canonical: string;
  matchKey: string;
  family: string;
  organisation: string;
  contact: string | null;
  callbackUrl: string | null;
  at: string;
  day: string;
}

/** A miss that opens a ticket: with its ref and whose quota it uses. */
export interface Opening extends MissRecord {
  ref: string;
  openedBy: string;
}

export const TICKET_COLUMNS = `id, ref, canonical, match_key AS matchKey, family, status, request_count AS requestCount,
  requester_count AS requesterCount, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt,
  claimed_by AS claimedBy, claimed_by_name AS claimedByName, claimed_at AS claimedAt,
  claim_expires_at AS claimExpiresAt, resolution, reject_reason AS rejectReason, correct_number AS correctNumber,
  reject_note AS rejectNote, closed_by AS closedBy, closed_by_name AS closedByName, closed_at AS closedAt,
  certificate_version_id AS certificateVersionId, opened_by AS openedBy, updated_at AS updatedAt`;

/**
 * Tickets and what hangs off them. Statements are prepared once: a miss runs four of them in one
 * transaction on the lookup path. Callers own the transactions.
 */
export class TicketsRepository {
  private readonly upsertActive: Database.Statement<[Opening], TicketRow>;
  private readonly lastingRejection: Database.Statement<[string], TicketRow>;
  private readonly countLookup: Database.Statement<[string, number], TicketRow>;
  private readonly upsertRequester: Database.Statement<[MissRecord & { ticketId: number }], { requestCount: number }>;
  private readonly countRequester: Database.Statement<[number], TicketRow>;
  private readonly upsertDay: Database.Statement<[number, string]>;
  private readonly byId: Database.Statement<[number], TicketRow>;
  private readonly byRef: Database.Statement<[string], TicketRow>;
  private readonly activeByMatchKey: Database.Statement<[string], TicketRow>;
  private readonly anyActive: Database.Statement<[], { n: number }>;
  private readonly expired: Database.Statement<[string], TicketRow>;
  private readonly setClaim: Database.Statement;
  private readonly clearClaim: Database.Statement;
  private readonly close: Database.Statement;
  private readonly setVersion: Database.Statement<[number, number]>;
  private readonly requestersOf: Database.Statement<[number], RequesterRow>;
  private readonly daysOf: Database.Statement<[number], { day: string; count: number }>;
  private readonly requesterExists: Database.Statement<[number, string], { n: number }>;

  constructor(sqlite: Database.Database) {
    // The partial unique index makes this one statement open-or-join, whatever runs concurrently.
    this.upsertActive = sqlite.prepare(`
      INSERT INTO tickets (ref, canonical, match_key, family, status, request_count, requester_count, first_seen_at,
        last_seen_at, opened_by, updated_at)
      VALUES (@ref, @canonical, @matchKey, @family, 'open', 1, 0, @at, @at, @openedBy, @at)
      ON CONFLICT (match_key) WHERE status IN ('open', 'claimed')
      DO UPDATE SET request_count = request_count + 1, last_seen_at = excluded.last_seen_at
      RETURNING ${TICKET_COLUMNS}`);
    this.lastingRejection = sqlite.prepare(`
      SELECT ${TICKET_COLUMNS} FROM tickets
      WHERE match_key = ? AND status = 'rejected' AND reject_reason IN ('typo', 'not_guangdong')
      ORDER BY id DESC LIMIT 1`);
    this.countLookup = sqlite.prepare(`
      UPDATE tickets SET request_count = request_count + 1, last_seen_at = ? WHERE id = ? RETURNING ${TICKET_COLUMNS}`);
    this.upsertRequester = sqlite.prepare(`
      INSERT INTO ticket_requesters (ticket_id, organisation, contact, callback_url, request_count, first_seen_at, last_seen_at)
      VALUES (@ticketId, @organisation, @contact, @callbackUrl, 1, @at, @at)
      ON CONFLICT (ticket_id, organisation) DO UPDATE SET request_count = request_count + 1,
        last_seen_at = excluded.last_seen_at, contact = coalesce(excluded.contact, contact),
        callback_url = coalesce(excluded.callback_url, callback_url)
      RETURNING request_count AS requestCount`);
    this.countRequester = sqlite.prepare(`
      UPDATE tickets SET requester_count = requester_count + 1 WHERE id = ? RETURNING ${TICKET_COLUMNS}`);
    this.upsertDay = sqlite.prepare(`
      INSERT INTO ticket_lookup_days (ticket_id, day, count) VALUES (?, ?, 1)
      ON CONFLICT (ticket_id, day) DO UPDATE SET count = count + 1`);
    this.byId = sqlite.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`);
    this.byRef = sqlite.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE ref = ?`);
    this.activeByMatchKey = sqlite.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE match_key = ? AND status IN ('open', 'claimed')`);
    this.anyActive = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM tickets WHERE status IN ('open', 'claimed')) AS n`);
    this.expired = sqlite.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE status = 'claimed' AND claim_expires_at <= ? ORDER BY id`);
    this.setClaim = sqlite.prepare(`
      UPDATE tickets SET status = 'claimed', claimed_by = @by, claimed_by_name = @name, claimed_at = @at,
        claim_expires_at = @expiresAt, updated_at = @at WHERE id = @id`);
    this.clearClaim = sqlite.prepare(`
      UPDATE tickets SET status = 'open', claimed_by = NULL, claimed_by_name = NULL, claimed_at = NULL,
        claim_expires_at = NULL, updated_at = @at WHERE id = @id`);
    this.close = sqlite.prepare(`
      UPDATE tickets SET status = @status, resolution = @resolution, reject_reason = @rejectReason,
        correct_number = @correctNumber, reject_note = @rejectNote, closed_by = @by, closed_by_name = @name,
        closed_at = @at, claim_expires_at = NULL, certificate_version_id = @versionId, updated_at = @at
      WHERE id = @id`);
    this.setVersion = sqlite.prepare('UPDATE tickets SET certificate_version_id = ? WHERE id = ?');
    this.requestersOf = sqlite.prepare(`
      SELECT organisation, contact, callback_url AS callbackUrl, request_count AS requestCount,
        first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt
      FROM ticket_requesters WHERE ticket_id = ? ORDER BY request_count DESC, id`);
    this.daysOf = sqlite.prepare('SELECT day, count FROM ticket_lookup_days WHERE ticket_id = ? ORDER BY day');
    this.requesterExists = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM ticket_requesters WHERE ticket_id = ? AND organisation = ?) AS n');
  }

  /** Opens or joins the active ticket for the number; `opened` when this miss created it. */
  openOrJoin(miss: Opening): { ticket: TicketRow; opened: boolean } {
    const ticket = this.upsertActive.get(miss)!;
    return { ticket, opened: ticket.requestCount === 1 };
  }

  /** The last rejection that still speaks for this number (a typo, not a Guangdong number). */
  lastingRejectionOf(matchKey: string): TicketRow | null {
    return this.lastingRejection.get(matchKey) ?? null;
  }

  countLookupOn(id: number, at: string): TicketRow {
    return this.countLookup.get(at, id)!;
  }

  /** Counts the lookup against its organisation and day; returns the ticket and whether the requester is new. */
  countRequest(ticket: TicketRow, miss: MissRecord): { ticket: TicketRow; newRequester: boolean } {
    this.upsertDay.run(ticket.id, miss.day);
    const { requestCount } = this.upsertRequester.get({ ...miss, ticketId: ticket.id })!;
    if (requestCount !== 1) return { ticket, newRequester: false };
    return { ticket: this.countRequester.get(ticket.id)!, newRequester: true };
  }

  get(id: number): TicketRow | null {
    return this.byId.get(id) ?? null;
  }

  byReference(ref: string): TicketRow | null {
    return this.byRef.get(ref) ?? null;
  }

  activeFor(matchKey: string): TicketRow | null {
    return this.activeByMatchKey.get(matchKey) ?? null;
  }

  hasActive(): boolean {
    return this.anyActive.get()!.n === 1;
  }

  claimsExpiredBy(at: string): TicketRow[] {
    return this.expired.all(at);
  }

  claim(id: number, claim: { by: string; name: string; at: string; expiresAt: string }): void {
    this.setClaim.run({ id, ...claim });
  }

  release(id: number, at: string): void {
    this.clearClaim.run({ id, at });
  }

  closeTicket(
    id: number,
    close: {
      status: 'resolved' | 'rejected';
      resolution?: Resolution | null;
      rejectReason?: RejectReason | null;
      correctNumber?: string | null;
      rejectNote?: string | null;
      versionId?: number | null;
      by: string;
      name: string;
      at: string;
    },
  ): void {
    this.close.run({
      id,
      status: close.status,
      resolution: close.resolution ?? null,
      rejectReason: close.rejectReason ?? null,
      correctNumber: close.correctNumber ?? null,
      rejectNote: close.rejectNote ?? null,
      versionId: close.versionId ?? null,
      by: close.by,
      name: close.name,
      at: close.at,
    });
  }

  linkVersion(id: number, versionId: number): void {
    this.setVersion.run(versionId, id);
  }

  requesters(id: number): RequesterRow[] {
    return this.requestersOf.all(id);
  }

  lookupsByDay(id: number): { day: string; count: number }[] {
    return this.daysOf.all(id);
  }

  isRequester(id: number, organisation: string): boolean {
    return this.requesterExists.get(id, organisation)!.n === 1;
  }
}
