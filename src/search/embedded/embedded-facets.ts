import type Database from 'better-sqlite3';
import { ID_BITS } from '../doc-code.ts';
import { FACET_NAMES, type FacetCounts } from '../search.types.ts';
import { type CodeFilter, FacetCounter } from './facet-counter.ts';
import { andAll, rowidConditions } from './rowid-conditions.ts';
import { StatementCache } from './statement-cache.ts';

/** Facets are counted hit by hit up to this many text hits (before facet filters). */
const EXACT_FACETS_UP_TO = 50_000;
/** Beyond it, from the hits whose certificate id is a multiple of 16: ids are spread evenly over facets. */
const SAMPLE_MASK = 15;

interface FacetPass {
  /** Exact, always: counted inside SQLite. */
  total: number;
  facets: FacetCounts;
  facetsExact: boolean;
}

/**
 * Totals and facets for the embedded engine. Counting a hit inside SQLite costs ~0.05 µs; handing
 * it to JavaScript to count its facets costs ~0.1 µs more, so a query with 200,000 hits would spend
 * 20 ms on facets alone. The total is therefore always counted in SQL, and facets exactly only up
 * to EXACT_FACETS_UP_TO hits; above that they are estimated from a 1-in-16 sample scaled to the
 * exact total, and the answer says so.
 */
export class EmbeddedFacets {
  // One per connection: it registers the `search_facet` function, and a second would take it over.
  /** The counter `search_facet` feeds; set only while one synchronous statement runs. */
  private counter: FacetCounter | null = null;
  private readonly statements: StatementCache;

  private readonly exactUpTo: number;

  constructor(sqlite: Database.Database, options: { exactUpTo?: number } = {}) {
    this.statements = new StatementCache(sqlite);
    this.exactUpTo = options.exactUpTo ?? EXACT_FACETS_UP_TO;
    // A scalar function with a side effect, under count(): called once per row that reaches it.
    sqlite.function('search_facet', (code) => {
      this.counter?.add(Number(code));
      return null;
    });
  }

  count(match: string, filter: CodeFilter, exclude: readonly number[]): FacetPass {
    const conditions = rowidConditions(filter, exclude);
    const where = `WHERE search_fts MATCH @match${andAll(conditions.always)}`;
    const params = { match, ...conditions.params };
    const code = `rowid >> ${ID_BITS}`;
    const sample = new FacetCounter(filter);
    const first = this.withCounter(sample, () =>
      this.statements
        .get(
          `SELECT count(*) AS hits, ${conditions.facets ? `sum(${conditions.facets})` : 'count(*)'} AS total,
           count(CASE WHEN (rowid & ${SAMPLE_MASK}) = 0 THEN search_facet(${code}) END) AS sampled
         FROM search_fts ${where}`,
        )
        .get(params),
    ) as { hits: number; total: number | null };
    const total = first.total ?? 0;
    if (first.hits <= this.exactUpTo) {
      const exact = new FacetCounter(filter);
      this.withCounter(exact, () => this.statements.get(`SELECT count(search_facet(${code})) FROM search_fts ${where}`).get(params));
      return { total, facets: exact.facets(), facetsExact: true };
    }
    return { total, facets: scaled(sample.facets(), sample.total > 0 ? total / sample.total : SAMPLE_MASK + 1), facetsExact: false };
  }

  private withCounter<T>(counter: FacetCounter, run: () => T): T {
    this.counter = counter;
    try {
      return run();
    } finally {
      this.counter = null;
    }
  }
}

/** Sampled counts scaled up; a value seen in the sample keeps at least one. */
function scaled(facets: FacetCounts, ratio: number): FacetCounts {
  for (const name of FACET_NAMES) {
    for (const [value, n] of Object.entries(facets[name])) facets[name][value] = Math.max(1, Math.round(n * ratio));
  }
  return facets;
}
