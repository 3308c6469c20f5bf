import type Database from 'better-sqlite3';
import { dayKey, encodeCode } from './doc-code.ts';
import { characters, foldText } from './search-text.ts';

/**
 * A certificate as Meilisearch stores it. Meilisearch segments Chinese with a dictionary, which
 * would make 1–2 character queries depend on its word list, and it only matches word prefixes, so
 * number fragments would not match at all. It gets the embedded index's matching instead: the
 * folded fields as character bigrams, each spelled as an ASCII word, searched as phrases.
 */
export interface MeiliDocument {
  /** base64url of the match key: Meilisearch ids must be ASCII (a-z A-Z 0-9 - _). */
  id: string;
  certificateId: number;
  canonical: string;
  numberGrams: string;
  nameGrams: string;
  holderGrams: string;
  family: string;
  authority: string;
  managementClass: number;
  year: number;
  /** Days since 1990-01-01 plus one; 0 when no expiry is known. Status filters compare it with today. */
  expiryDay: number;
  /** The embedded index's facet code: sorting on it ascending gives both engines one order. */
  order: number;
}

function documentId(matchKey: string): string {
  return Buffer.from(matchKey, 'utf8').toString('base64url');
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Five letters span every code point (26^5 > 0x10FFFF) and keep a character's spelling prefix-free. */
const SPELLING_WIDTH = 5;

function spellCharacter(char: string): string {
  let value = char.codePointAt(0) ?? 0;
  let out = '';
  for (let i = 0; i < SPELLING_WIDTH; i++) {
    out = LETTERS[value % 26]! + out;
    value = Math.floor(value / 26);
  }
  return out;
}

/** The ASCII words of a folded text: at each position the spelled bigram starting there. */
export function spelledBigrams(folded: string): string[] {
  const spelled = characters(folded).map(spellCharacter);
  return spelled.map((word, i) => word + (spelled[i + 1] ?? ''));
}

/**
 * The Meilisearch query for a folded text: a phrase of its bigram words, or for one character the
 * prefix of the words starting with it (Meilisearch prefix-matches the last word of a query).
 */
export function meiliQuery(folded: string): string {
  const words = spelledBigrams(folded);
  if (words.length <= 1) return words[0] ?? '';
  return `"${words.slice(0, -1).join(' ')}"`;
}

export interface DocumentSourceRow {
  id: number;
  canonical: string;
  matchKey: string;
  family: string;
  authority: string;
  year: number;
  managementClass: number;
  productName: string | null;
  holder: string | null;
  expiryDate: string | null;
}

export function meiliDocument(row: DocumentSourceRow): MeiliDocument {
  return {
    id: documentId(row.matchKey),
    certificateId: row.id,
    canonical: row.canonical,
    numberGrams: spelledBigrams(foldText(row.canonical)).join(' '),
    nameGrams: spelledBigrams(foldText(row.productName)).join(' '),
    holderGrams: spelledBigrams(foldText(row.holder)).join(' '),
    family: row.family,
    authority: row.authority,
    managementClass: row.managementClass,
    year: row.year,
    expiryDay: dayKey(row.expiryDate),
    order: encodeCode(row),
  };
}

const COLUMNS = `id, canonical, match_key AS matchKey, family, authority, year, management_class AS managementClass,
  product_name AS productName, holder, expiry_date AS expiryDate`;

/** Reads certificates for Meilisearch: by id for the outbox, in id order for a full reindex. */
export class DocumentSource {
  private readonly byIdList: Database.Statement<[string], DocumentSourceRow>;
  private readonly afterId: Database.Statement<[number, number], DocumentSourceRow>;

  constructor(sqlite: Database.Database) {
    this.byIdList = sqlite.prepare(`SELECT ${COLUMNS} FROM certificates WHERE id IN (SELECT value FROM json_each(?))`);
    this.afterId = sqlite.prepare(`SELECT ${COLUMNS} FROM certificates WHERE id > ? ORDER BY id LIMIT ?`);
  }

  byIds(ids: readonly number[]): DocumentSourceRow[] {
    return ids.length === 0 ? [] : this.byIdList.all(JSON.stringify(ids));
  }

  /** Every certificate, a page at a time, so a million rows never sit in memory at once. */
  *pages(size: number): Generator<DocumentSourceRow[]> {
    for (let last = 0; ; ) {
      const page = this.afterId.all(last, size);
      if (page.length === 0) return;
      yield page;
      last = page[page.length - 1]!.id;
    }
  }
}
