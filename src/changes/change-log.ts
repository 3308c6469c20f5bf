import type Database from 'better-sqlite3';
import { redactSecrets } from '../auth/redaction.ts';
import type { AfterWriteHook } from '../certificates/certificate-writer.ts';

export type ChangeEntity = 'certificate' | 'ticket' | 'api_key' | (string & {});

export interface ChangeEntry {
  actor: string;
  entity: ChangeEntity;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface ChangeRecord {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface ChangeRow extends Omit<ChangeRecord, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export interface ChangeQuery {
  /** Return changes with an id greater than this (the feed cursor). */
  after?: number;
  limit: number;
  entity?: string;
  /** Only changes to these kinds of entity (the kinds the caller may read). */
  entities?: readonly string[];
  entityId?: string;
  actor?: string;
}

/**
 * The audit trail and the change feed read the same log. Callers append inside their own
 * transaction so a change and its record commit together.
 */
export class ChangeLog {
  private readonly insert: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date,
  ) {
    this.insert = sqlite.prepare(
      'INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Secrets and callback URLs are redacted before they are stored: the log is kept forever and read by many. */
  append(entry: ChangeEntry, at: string = this.now().toISOString()): number {
    const result = this.insert.run(
      at,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      stored(entry.entity, entry.before),
      stored(entry.entity, entry.after),
    );
    return Number(result.lastInsertRowid);
  }

  list(query: ChangeQuery): ChangeRecord[] {
    const where: string[] = ['id > @after'];
    if (query.entity) where.push('entity = @entity');
    // Unary + keeps SQLite on the id order: the entity index would read every matching change and sort.
    if (query.entities) where.push(`+entity IN (${query.entities.map((_, i) => `@kind${i}`).join(', ') || 'NULL'})`);
    if (query.entityId) where.push('entity_id = @entityId');
    if (query.actor) where.push('actor = @actor');
    const rows = this.sqlite
      .prepare(
        `SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM change_log
         WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`,
      )
      .all({
        after: query.after ?? 0,
        limit: query.limit,
        entity: query.entity,
        entityId: query.entityId,
        actor: query.actor,
        ...Object.fromEntries((query.entities ?? []).map((kind, i) => [`kind${i}`, kind])),
      }) as ChangeRow[];
    return rows.map(parsedChange);
  }

  /**
   * Records every certificate a write touched, in the writer's transaction. A summary refresh
   * (`summary_refreshed`) adds no version: a stored document took effect, or the ranking changed.
   */
  certificateWriteHook(): AfterWriteHook {
    return (touched, context) => {
      // One write, one moment: a bulk import batch records hundreds of thousands of entries.
      const at = this.now().toISOString();
      for (const certificate of touched) {
        this.append(
          {
            actor: context.actor,
            entity: 'certificate',
            entityId: certificate.canonical,
            action: certificate.createdWith ? 'created' : certificate.refreshed ? 'summary_refreshed' : 'versions_added',
            before: certificate.before,
            after: { ...certificate.after, versionIds: certificate.versionIds },
          },
          at,
        );
      }
    };
  }
}

/** Certificates are public data and the bulk of the log: only other entities' states are walked. */
function stored(entity: string, state: unknown): string | null {
  if (state === undefined || state === null) return null;
  return JSON.stringify(entity === 'certificate' ? state : redactSecrets(state));
}

/**
 * A stored change as it is shown. Entries written before secrets were redacted on the way in
 * still hold them, so non-certificate states are redacted on the way out as well.
 */
export function parsedChange(row: ChangeRow): ChangeRecord {
  const parse = (text: string | null): unknown => {
    if (text === null) return null;
    const value = JSON.parse(text) as unknown;
    return row.entity === 'certificate' ? value : redactSecrets(value);
  };
  return { ...row, before: parse(row.before), after: parse(row.after) };
}
