import type Database from 'better-sqlite3';

/**
 * Prepared statements keyed by their SQL: search builds its SQL from which filters are set (never
 * from values, which are bound), so there are few shapes and each is prepared once.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
