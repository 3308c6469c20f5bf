import type Database from 'better-sqlite3';
import { type ChangeRecord, type ChangeRow, parsedChange } from '../changes/change-log.ts';

interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** ISO timestamps, inclusive start and exclusive end. */
  since?: string | undefined;
  until?: string | undefined;
  /** Entries older than this id (where the previous page ended). */
  before?: number | undefined;
  limit: number;
}

/** The audit trail newest first, for admins; the change feed reads the same log oldest first. */
export function queryAudit(sqlite: Database.Database, filter: AuditFilter): { entries: ChangeRecord[]; nextBefore: number | null } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit + 1 };
  const add = (clause: string, name: string, value: unknown): void => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('entity = @entity', 'entity', filter.entity);
  add('entity_id = @entityId', 'entityId', filter.entityId);
  add('actor = @actor', 'actor', filter.actor);
  add('action = @action', 'action', filter.action);
  add('at >= @since', 'since', filter.since);
  add('at < @until', 'until', filter.until);
  add('id < @before', 'before', filter.before);
  const rows = sqlite
    .prepare(
      `SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM change_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`,
    )
    .all(params) as ChangeRow[];
  const page = rows.slice(0, filter.limit);
  return {
    // Admins read every entity, but secrets recorded before they were redacted on the way in stay hidden.
    entries: page.map(parsedChange),
    /** The id the next (older) page starts below; null on the last page. */
    nextBefore: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}
