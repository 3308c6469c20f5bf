import type Database from 'better-sqlite3';
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

interface ChangeRow extends Omit<ChangeRecord, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export interface ChangeQuery {
  /** Return changes with an id greater than this (the feed cursor). */
  after?: number;
  limit: number;
  entity?: string;
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

  append(entry: ChangeEntry, at: string = this.now().toISOString()): number {
    const result = this.insert.run(
      at,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    );
    return Number(result.lastInsertRowid);
  }

  list(query: ChangeQuery): ChangeRecord[] {
    const where: string[] = ['id > @after'];
    if (query.entity) where.push('entity = @entity');
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
      }) as ChangeRow[];
    return rows.map((row) => ({
      ...row,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    }));
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
