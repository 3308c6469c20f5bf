import type Database from 'better-sqlite3';

interface SourceCounts {
  source: string;
  versions: number;
  certificates: number;
  /** When the freshest fact from this source was fetched. */
  lastFetchedAt: string | null;
}

/**
 * Stored versions per provenance source, for /v1/status. Counting scans the versions table, so
 * the answer is kept until a version is added (versions are never updated or deleted: the
 * highest id says whether anything changed, and costs nothing to read).
 */
export class SourceCountsQuery {
  private readonly statement: Database.Statement<[], SourceCounts>;
  private readonly highestId: Database.Statement<[], { id: number | null }>;
  private cached: { highestId: number | null; rows: Map<string, SourceCounts> } | null = null;

  constructor(sqlite: Database.Database) {
    this.statement = sqlite.prepare(`
      SELECT source, count(*) AS versions, count(DISTINCT certificate_id) AS certificates, max(fetched_at) AS lastFetchedAt
      FROM certificate_versions GROUP BY source ORDER BY source`);
    this.highestId = sqlite.prepare('SELECT max(id) AS id FROM certificate_versions');
  }

  all(): Map<string, SourceCounts> {
    const highestId = this.highestId.get()?.id ?? null;
    if (!this.cached || this.cached.highestId !== highestId) {
      this.cached = { highestId, rows: new Map(this.statement.all().map((row) => [row.source, row])) };
    }
    return this.cached.rows;
  }
}
