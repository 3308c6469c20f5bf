import type Database from 'better-sqlite3';
import { FIELD_MASK, FILING_KEY, ID_BITS, MAX_CERTIFICATE_ID, ROWID_SHIFT, STATUS_INDEX } from './doc-code.ts';
import { FacetCounter, codeFilter, type CodeFilter } from './facet-counter.ts';
import { ftsPlan } from './fts-query.ts';
import { searchCursorInvalid } from './search.errors.ts';
import type { EngineHit, EngineQuery, EngineResult, SearchEngine } from './search.port.ts';

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
 * The default engine: SQLite FTS5 in the service's own database (see the search_fts migration
 * for the index's design). Per query it runs one pass over every match to count hits and facets,
 * from the facet code in each row id, and one short query per tier for the page, in row id order.
 */
export class EmbeddedSearch implements SearchEngine {
  readonly name = 'embedded' as const;
  /** The counter the SQL functions feed; set for the duration of one synchronous query. */
  private counter: FacetCounter | null = null;
  private excluded: ReadonlySet<number> = new Set();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {
    // Scalar functions with a side effect, summed up by count(): called once per matching row.
    sqlite.function('search_facet', (code) => {
      this.counter?.add(Number(code));
      return null;
    });
    sqlite.function('search_facet_except', (code, id) => {
      if (!this.excluded.has(Number(id))) this.counter?.add(Number(code));
      return null;
    });
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    return this.searchSync(query);
  }

  searchSync(query: EngineQuery): EngineResult {
    const plan = ftsPlan(query.text);
    const filter = codeFilter(query.filters, query.today);
    const counter = new FacetCounter(filter);
    const excluded = new Set(query.exclude);
    this.counter = counter;
    this.excluded = excluded;
    try {
      const code = `rowid >> ${ID_BITS}`;
      const count = excluded.size > 0 ? `search_facet_except(${code}, rowid & ${MAX_CERTIFICATE_ID})` : `search_facet(${code})`;
      this.statement(`SELECT count(${count}) FROM search_fts WHERE search_fts MATCH ?`).get(plan.union);
    } finally {
      this.counter = null;
      this.excluded = new Set();
    }

    const hits: (EngineHit & { tier: number; code: number })[] = [];
    const after = query.cursor === null ? null : decodeCursor(query.cursor);
    const filterSql = filterClauses(filter);
    // One more than asked: it tells whether there is a next page without counting again.
    for (let tier = after?.tier ?? 0; query.limit > 0 && tier < plan.tiers.length && hits.length <= query.limit; tier++) {
      const from = after && after.tier === tier ? after : null;
      const sql = `SELECT rowid >> ${ID_BITS} AS code, rowid & ${MAX_CERTIFICATE_ID} AS id FROM search_fts
        WHERE search_fts MATCH @match${from ? ` AND rowid > ((@afterCode << ${ID_BITS}) | @afterId)` : ''}${filterSql.sql}
        ORDER BY rowid LIMIT @limit`;
      const rows = this.statement(sql).all({
        match: plan.tiers[tier]!.match,
        ...(from ? { afterCode: from.code, afterId: from.id } : {}),
        ...filterSql.params,
        limit: query.limit + 1 - hits.length + excluded.size,
      }) as PageRow[];
      for (const row of rows) {
        if (excluded.has(row.id)) continue;
        hits.push({ certificateId: row.id, matchedBy: plan.tiers[tier]!.matchedBy, tier, code: row.code });
        if (hits.length > query.limit) break;
      }
    }
    const last = hits.length > query.limit ? hits[query.limit - 1] : undefined;
    return {
      hits: hits.slice(0, query.limit).map(({ certificateId, matchedBy }) => ({ certificateId, matchedBy })),
      total: counter.total,
      facets: counter.facets(),
      next: last ? encodeCursor({ tier: last.tier, code: last.code, id: last.certificateId }) : null,
    };
  }

  /** Prepared once per query shape: the SQL varies only with which filters are set. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The filters as conditions on the row id's bits; nothing is read but the row id. */
function filterClauses(f: CodeFilter): { sql: string; params: Record<string, number> } {
  const bits = (field: keyof typeof FIELD_MASK): string => `((rowid >> ${ROWID_SHIFT[field]}) & ${FIELD_MASK[field]})`;
  const clauses: string[] = [];
  const params: Record<string, number> = {};
  const equal = (field: 'family' | 'class' | 'authority', value: number): void => {
    if (value < 0) return;
    clauses.push(`${bits(field)} = @${field}`);
    params[field] = value;
  };
  equal('family', f.family);
  equal('class', f.managementClass);
  equal('authority', f.authority);
  if (f.yearKeyMin > 0 || f.yearKeyMax < FIELD_MASK.year) {
    clauses.push(`${bits('year')} BETWEEN @yearKeyMin AND @yearKeyMax`);
    params.yearKeyMin = f.yearKeyMin;
    params.yearKeyMax = f.yearKeyMax;
  }
  if (f.status >= 0) {
    const notFiling = `${bits('family')} <> ${FILING_KEY}`;
    const expiry = bits('expiry');
    const byStatus: Record<number, string> = {
      [STATUS_INDEX.valid]: `${notFiling} AND ${expiry} <= @validUpTo`,
      [STATUS_INDEX.expired]: `${notFiling} AND ${expiry} > @validUpTo AND ${expiry} < ${FIELD_MASK.expiry}`,
      [STATUS_INDEX.filed]: `${bits('family')} = ${FILING_KEY}`,
      [STATUS_INDEX.unknown]: `${notFiling} AND ${expiry} = ${FIELD_MASK.expiry}`,
    };
    clauses.push(`(${byStatus[f.status]})`);
    if (f.status === STATUS_INDEX.valid || f.status === STATUS_INDEX.expired) params.validUpTo = f.validUpTo;
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

function encodeCursor(cursor: EmbeddedCursor): string {
  return `${cursor.tier}.${cursor.code}.${cursor.id}`;
}

function decodeCursor(text: string): EmbeddedCursor {
  const match = /^(\d)\.(\d{1,12})\.(\d{1,10})$/.exec(text);
  if (!match) throw searchCursorInvalid('malformed');
  return { tier: Number(match[1]), code: Number(match[2]), id: Number(match[3]) };
}
