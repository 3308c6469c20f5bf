import type Database from 'better-sqlite3';
import type { Family } from '../../numbers/number.types.ts';

/** What a hit shows of a certificate: its summary columns, as the store keeps them. */
export interface SearchRow {
  id: number;
  canonical: string;
  family: Family;
  authority: string;
  year: number;
  managementClass: number;
  productName: string | null;
  holder: string | null;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
}

const COLUMNS = `id, canonical, family, authority, year, management_class AS managementClass,
  product_name AS productName, holder, approval_date AS approvalDate, effective_date AS effectiveDate,
  expiry_date AS expiryDate`;

/**
 * Reads for the search service, whichever engine found the hits: the store is the truth, so a
 * Meilisearch document that lags behind never shows stale names or dates.
 */
export class SearchRows {
  private readonly byIdList: Database.Statement<[string], SearchRow>;
  private readonly byMatchKey: Database.Statement<[string], SearchRow>;

  constructor(sqlite: Database.Database) {
    this.byIdList = sqlite.prepare(`SELECT ${COLUMNS} FROM certificates WHERE id IN (SELECT value FROM json_each(?))`);
    this.byMatchKey = sqlite.prepare(`SELECT ${COLUMNS} FROM certificates WHERE match_key = ?`);
  }

  byIds(ids: readonly number[]): Map<number, SearchRow> {
    if (ids.length === 0) return new Map();
    return new Map(this.byIdList.all(JSON.stringify(ids)).map((row) => [row.id, row]));
  }

  /** The certificate a number normalised to, by match key (legacy spellings meet there). */
  findByMatchKey(matchKey: string): SearchRow | undefined {
    return this.byMatchKey.get(matchKey);
  }
}
