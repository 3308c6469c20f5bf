import type Database from 'better-sqlite3';
import type { ChangeRecord } from '../changes/change-log.ts';

interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** ISO timestamps, inclusive start and exclusive end. */
  since?: string | undefined;
  until?: string | undefined;
  /** Entries older than this id (the previous page's `nextCursor`). */
  before?: number | undefined;
  limit: number;
}

interface Row extends Omit<ChangeRecord, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

/** The audit trail newest first, for admins; the change feed reads the same log oldest first. */
export function queryAudit(sqlite: Database.Database, filter: AuditFilter): { entries: ChangeRecord[]; nextCursor: number | null } {
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
    .all(params) as Row[];
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      ...row,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}
