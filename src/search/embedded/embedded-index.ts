import type Database from 'better-sqlite3';
import type { AfterWriteHook, CertificateSummary, TouchedCertificate } from '../../certificates/certificate-writer.ts';
import type { ParsedNumber } from '../../numbers/number.types.ts';
import { encodeCode, ID_BITS, MAX_CERTIFICATE_ID } from '../doc-code.ts';
import type { DocumentSourceRow } from '../search-document.ts';
import { fieldGrams, foldText, type SearchField } from '../search-text.ts';

/** What the embedded index reads of a certificate: what Meilisearch gets, less the match key. */
type IndexedRow = Omit<DocumentSourceRow, 'matchKey'>;

export interface RebuildReport {
  documents: number;
  /** Wall time of the rebuild, optimisation included. */
  milliseconds: number;
}

/** What writes use, restored after a rebuild: FTS5's automerge default, and the pending-terms buffer of migration 0010. */
const DEFAULT_AUTOMERGE = 4;
const WRITE_HASH_BYTES = 64 * 1024 * 1024;
/** Pending terms kept in memory during a rebuild before a segment is written. */
const BULK_HASH_BYTES = 256 * 1024 * 1024;

const ROW_COLUMNS = `id, canonical, family, authority, year, management_class AS managementClass,
  product_name AS productName, holder, expiry_date AS expiryDate`;

/**
 * Keeps `search_fts` in step with `certificates`. `indexCertificates` runs inside the writer's
 * transaction (a writer hook), so a certificate and its search row commit or roll back together;
 * `rebuild` builds the whole index from scratch inside SQLite, calling back for codes and n-grams.
 */
export class EmbeddedSearchIndex {
  private readonly rowOf: Database.Statement<[number], IndexedRow>;
  private readonly codeOf: Database.Statement<[number], { code: number }>;
  private readonly insertRow: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly upsertDoc: Database.Statement;
  private readonly deleteDoc: Database.Statement;
  private readonly owe: Database.Statement<[number]>;
  private readonly drainTransaction: (limit: number) => number;

  constructor(private readonly sqlite: Database.Database) {
    // The rebuild runs inside SQLite, calling back for the code and the n-grams of each row.
    sqlite.function('search_doc_code', { deterministic: true }, (family, cls, authority, expiry, year) =>
      encodeCode({
        family: String(family),
        managementClass: Number(cls),
        authority: String(authority),
        expiryDate: typeof expiry === 'string' ? expiry : null,
        year: Number(year),
      }),
    );
    sqlite.function('search_field_text', { deterministic: true }, (field, raw) =>
      gramText(field as SearchField, foldText(typeof raw === 'string' ? raw : null)),
    );
    this.rowOf = sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM certificates WHERE id = ?`);
    this.codeOf = sqlite.prepare('SELECT code FROM search_docs WHERE certificate_id = ?');
    this.insertRow = sqlite.prepare(
      `INSERT INTO search_fts (rowid, num, name, holder, name4, holder4)
       VALUES ((? << ${ID_BITS}) | ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteRow = sqlite.prepare(`DELETE FROM search_fts WHERE rowid = (@code << ${ID_BITS}) | @id`);
    this.upsertDoc = sqlite.prepare(
      'INSERT INTO search_docs (certificate_id, code) VALUES (?, ?) ON CONFLICT (certificate_id) DO UPDATE SET code = excluded.code',
    );
    this.deleteDoc = sqlite.prepare('DELETE FROM search_docs WHERE certificate_id = ?');
    // The oldest debt of a certificate is kept: it is how far search lags.
    this.owe = sqlite.prepare('INSERT INTO search_owed (certificate_id) VALUES (?) ON CONFLICT (certificate_id) DO NOTHING');
    this.drainTransaction = sqlite.transaction((limit: number) => this.drainUnsafe(limit)).immediate;
  }

  /**
   * The writer hook: re-indexes the certificates a write touched, inside its transaction; a bulk
   * import's are recorded as owed instead (in the same transaction, so a crash cannot lose them)
   * and indexed by `drainOwed` after it, many at a time.
   */
  writeHook(): AfterWriteHook {
    return (touched, context) => {
      if (context.bulk) for (const { id } of touched) this.owe.run(id);
      else this.indexTouched(touched);
    };
  }

  /**
   * Indexes up to `limit` owed certificates, oldest debt first, in one transaction: the rows are
   * built inside SQLite like `rebuild`'s and inserted in ascending row id order. Returns how many
   * it indexed (0: nothing is owed).
   */
  drainOwed(limit: number): number {
    return this.drainTransaction(limit);
  }

  private drainUnsafe(limit: number): number {
    const { sqlite } = this;
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS search_draining (certificate_id INTEGER PRIMARY KEY); DELETE FROM temp.search_draining;');
    const taken = sqlite
      .prepare('INSERT INTO temp.search_draining (certificate_id) SELECT certificate_id FROM search_owed ORDER BY id LIMIT ?')
      .run(limit).changes;
    if (taken === 0) return 0;
    const maxId = sqlite.prepare('SELECT max(certificate_id) FROM temp.search_draining').pluck().get() as number;
    if (maxId > MAX_CERTIFICATE_ID) throw new Error(`certificate id ${maxId} does not fit the search row id (${ID_BITS} bits)`);
    // A certificate indexed before (a renewal in the import) loses its old row first; one that no
    // longer exists is only removed.
    sqlite.exec(`
      DELETE FROM search_fts WHERE rowid IN (
        SELECT (d.code << ${ID_BITS}) | d.certificate_id FROM temp.search_draining o JOIN search_docs d USING (certificate_id));
      DELETE FROM search_docs WHERE certificate_id IN (SELECT certificate_id FROM temp.search_draining);
      INSERT INTO search_docs (certificate_id, code)
        SELECT c.id, search_doc_code(c.family, c.management_class, c.authority, c.expiry_date, c.year)
        FROM temp.search_draining o CROSS JOIN certificates c ON c.id = o.certificate_id;
      INSERT INTO search_fts (rowid, num, name, holder, name4, holder4)
        SELECT (d.code << ${ID_BITS}) | d.certificate_id, search_field_text('num', c.canonical),
          search_field_text('name', c.product_name), search_field_text('holder', c.holder),
          search_field_text('name4', c.product_name), search_field_text('holder4', c.holder)
        FROM temp.search_draining o CROSS JOIN search_docs d ON d.certificate_id = o.certificate_id
          CROSS JOIN certificates c ON c.id = o.certificate_id
        ORDER BY 1;
      DELETE FROM search_owed WHERE certificate_id IN (SELECT certificate_id FROM temp.search_draining);
      DELETE FROM temp.search_draining;`);
    return taken;
  }

  /** Replaces the index rows of these certificates with their current summary; call in a transaction. */
  indexCertificates(ids: readonly number[]): void {
    this.replaceRows(ids.map((id) => ({ id, row: this.rowOf.get(id) ?? null, isNew: false })));
  }

  /**
   * As indexCertificates, but a certificate the write created is indexed from what the writer
   * already holds: it has no index row to delete and nothing to read back (the bulk of an import).
   */
  private indexTouched(touched: readonly TouchedCertificate[]): void {
    this.replaceRows(
      touched.map(({ id, createdWith, after }) =>
        createdWith ? { id, row: createdRow(id, createdWith, after), isNew: true } : { id, row: this.rowOf.get(id) ?? null, isNew: false },
      ),
    );
  }

  /**
   * Deletes go first and inserts in ascending row id order: FTS5 flushes its pending terms to a new
   * segment whenever a row id goes backwards, and many tiny segments are slow.
   */
  private replaceRows(certificates: readonly { id: number; row: IndexedRow | null; isNew: boolean }[]): void {
    const rows: { code: number; id: number; row: IndexedRow }[] = [];
    for (const { id, row, isNew } of certificates) {
      const previous = isNew ? undefined : this.codeOf.get(id);
      if (previous) this.deleteRow.run({ code: previous.code, id });
      if (row) rows.push({ code: encodeCode(row), id, row });
      else if (previous) this.deleteDoc.run(id);
    }
    rows.sort((a, b) => a.code - b.code || a.id - b.id);
    for (const { code, id, row } of rows) {
      if (id > MAX_CERTIFICATE_ID) throw new Error(`certificate id ${id} does not fit the search row id (${ID_BITS} bits)`);
      const name = foldText(row.productName);
      const holder = foldText(row.holder);
      this.insertRow.run(
        code,
        id,
        gramText('num', foldText(row.canonical)),
        gramText('name', name),
        gramText('holder', holder),
        gramText('name4', name),
        gramText('holder4', holder),
      );
      this.upsertDoc.run(id, code);
    }
  }

  /**
   * Drops and rebuilds the whole index from `certificates`, then merges it into one segment. Rows go
   * in ascending row id order (an ordered temporary table, read first in a CROSS JOIN), with
   * automatic merging off and a large pending-terms buffer: one merge at the end instead of many.
   */
  rebuild(): RebuildReport {
    const started = performance.now();
    const maxId = (this.sqlite.prepare('SELECT max(id) AS id FROM certificates').get() as { id: number | null }).id ?? 0;
    if (maxId > MAX_CERTIFICATE_ID) throw new Error(`certificate id ${maxId} does not fit the search row id (${ID_BITS} bits)`);
    // IMMEDIATE like every write transaction here (db/write-lock.ts): the lock is taken, or waited
    // for, before anything is read.
    const documents = this.sqlite
      .transaction(() => {
        this.sqlite.exec(`
        INSERT INTO search_fts (search_fts) VALUES ('delete-all');
        INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0);
        INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${BULK_HASH_BYTES});
        DELETE FROM search_docs;
        DELETE FROM search_owed;`);
        const inserted = this.sqlite
          .prepare(
            `INSERT INTO search_docs (certificate_id, code)
           SELECT id, search_doc_code(family, management_class, authority, expiry_date, year) FROM certificates`,
          )
          .run().changes;
        this.sqlite.exec(`
        CREATE TEMP TABLE search_rebuild_order (fts_rowid INTEGER PRIMARY KEY, certificate_id INTEGER NOT NULL);
        INSERT INTO search_rebuild_order (fts_rowid, certificate_id) SELECT (code << ${ID_BITS}) | certificate_id, certificate_id FROM search_docs;
        INSERT INTO search_fts (rowid, num, name, holder, name4, holder4)
        SELECT o.fts_rowid, search_field_text('num', c.canonical), search_field_text('name', c.product_name),
          search_field_text('holder', c.holder), search_field_text('name4', c.product_name),
          search_field_text('holder4', c.holder)
        FROM search_rebuild_order o CROSS JOIN certificates c ON c.id = o.certificate_id;
        DROP TABLE temp.search_rebuild_order;
        INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${DEFAULT_AUTOMERGE});
        INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${WRITE_HASH_BYTES});`);
        return inserted;
      })
      .immediate();
    // One segment answers queries faster than the many a bulk insert leaves behind.
    this.sqlite.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
    return { documents, milliseconds: Math.round(performance.now() - started) };
  }

  /**
   * Certificates, indexed documents, and owed certificates not indexed yet, to tell an index that
   * needs a rebuild from one that is only catching up after an import.
   */
  counts(): { certificates: number; indexed: number; owedUnindexed: number } {
    return this.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM certificates) AS certificates, (SELECT count(*) FROM search_docs) AS indexed,
          (SELECT count(*) FROM search_owed o WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.certificate_id = o.certificate_id)) AS owedUnindexed`,
      )
      .get() as { certificates: number; indexed: number; owedUnindexed: number };
  }
}

/** What a certificate created by this write is indexed from: its stored number and new summary. */
function createdRow(id: number, number: ParsedNumber, after: CertificateSummary): IndexedRow {
  return {
    id,
    canonical: number.canonical,
    family: number.family,
    authority: number.authority,
    year: number.year,
    managementClass: number.class,
    productName: after.productName,
    holder: after.holder,
    expiryDate: after.expiryDate,
  };
}

/** The FTS column text of a folded field: its tokens, space-separated. */
function gramText(field: SearchField, folded: string): string {
  return fieldGrams(field, folded).join(' ');
}
