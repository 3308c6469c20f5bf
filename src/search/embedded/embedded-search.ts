import type Database from 'better-sqlite3';
import { invalidCursor } from '../../shared/cursor.ts';
import { ID_BITS, MAX_CERTIFICATE_ID } from '../doc-code.ts';
import type { EngineHit, EngineQuery, EngineResult, SearchEngine } from '../search.port.ts';
import { EmbeddedFacets } from './embedded-facets.ts';
import { codeFilter } from './facet-counter.ts';
import { ftsPlan } from './fts-query.ts';
import { andAll, rowidConditions } from './rowid-conditions.ts';
import { StatementCache } from './statement-cache.ts';

interface PageRow {
  code: number;
  id: number;
}

/** Where the previous page stopped: its tier and the row id of its last hit, as code and id. */
interface EmbeddedCursor {
  tier: number;
  code: number;
  id: number;
}

/**
 * The default engine: SQLite FTS5 in the service's own database (see the search_fts migrations
 * for the index's design). Per query: the total and facets over every match (`EmbeddedFacets`),
 * then one short query per tier for the page, read forward in row id order, which is rank order.
 */
export class EmbeddedSearch implements SearchEngine {
  readonly name = 'embedded' as const;
  private readonly facets: EmbeddedFacets;
  private readonly statements: StatementCache;

  constructor(sqlite: Database.Database) {
    this.facets = new EmbeddedFacets(sqlite);
    this.statements = new StatementCache(sqlite);
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const plan = ftsPlan(query.text);
    const filter = codeFilter(query.filters, query.today);
    const counted = this.facets.count(plan.union, filter, query.exclude);

    const conditions = rowidConditions(filter, query.exclude);
    const hits: (EngineHit & { tier: number; code: number })[] = [];
    const after = query.cursor === null ? null : decodeCursor(query.cursor);
    // One more than asked: it tells whether there is a next page without counting again.
    for (let tier = after?.tier ?? 0; query.limit > 0 && tier < plan.tiers.length && hits.length <= query.limit; tier++) {
      const from = after && after.tier === tier ? after : null;
      const sql = `SELECT rowid >> ${ID_BITS} AS code, rowid & ${MAX_CERTIFICATE_ID} AS id FROM search_fts
        WHERE search_fts MATCH @match${from ? ` AND rowid > ((@afterCode << ${ID_BITS}) | @afterId)` : ''}${andAll(conditions.facets, conditions.always)}
        ORDER BY rowid LIMIT @limit`;
      const rows = this.statements.get(sql).all({
        match: plan.tiers[tier]!.match,
        ...(from ? { afterCode: from.code, afterId: from.id } : {}),
        ...conditions.params,
        limit: query.limit + 1 - hits.length,
      }) as PageRow[];
      for (const row of rows) hits.push({ certificateId: row.id, matchedBy: plan.tiers[tier]!.matchedBy, tier, code: row.code });
    }
    const last = hits.length > query.limit ? hits[query.limit - 1] : undefined;
    return {
      hits: hits.slice(0, query.limit).map(({ certificateId, matchedBy }) => ({ certificateId, matchedBy })),
      total: counted.total,
      facets: counted.facets,
      facetsExact: counted.facetsExact,
      next: last ? encodeCursor({ tier: last.tier, code: last.code, id: last.certificateId }) : null,
    };
  }
}

function encodeCursor(cursor: EmbeddedCursor): string {
  return `${cursor.tier}.${cursor.code}.${cursor.id}`;
}

function decodeCursor(text: string): EmbeddedCursor {
  const match = /^(\d)\.(\d{1,12})\.(\d{1,10})$/.exec(text);
  if (!match) throw invalidCursor();
  return { tier: Number(match[1]), code: Number(match[2]), id: Number(match[3]) };
}
