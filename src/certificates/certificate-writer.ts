import type Database from 'better-sqlite3';
import type { Family, ParsedNumber } from '../numbers/number.types.ts';
import { recodeKey } from '../numbers/recode-key.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { certificates } from './certificates.table.ts';
import { type DatedVersion, documentsInEffect, type InEffect, namedBy, reportedDates } from './current-document.ts';
import { type AuthorityOf, authorityWithoutConfig } from './source-precedence.ts';
import type { VersionInput } from './version-input.ts';
import { VERSION_COLUMNS, versionValues } from './version-row.ts';

/**
 * The summary columns a certificate shows; what the audit log records before and after.
 * `dates_known` is read raw, as SQLite's 0/1.
 */
export type CertificateSummary = Pick<
  typeof certificates.$inferSelect,
  'productName' | 'holder' | 'approvalDate' | 'effectiveDate' | 'expiryDate' | 'currentVersionId'
> & { datesKnown: number };

export interface TouchedCertificate {
  id: number;
  canonical: string;
  matchKey: string;
  family: Family;
  /**
   * True when no version was added: the summary was recomputed because a stored document took
   * effect or the ranking of sources changed (`refreshSummaries`). `versionIds` is then empty.
   */
  refreshed: boolean;
  /**
   * The parsed number a certificate created by this write was stored under; null when it existed
   * before (its stored spelling may then differ from the one in this batch): whether it was created.
   */
  createdWith: ParsedNumber | null;
  versionIds: number[];
  /** Match keys of the older numbers this write says the certificate replaced: their answers changed too. */
  replaces: string[];
  before: CertificateSummary | null;
  after: CertificateSummary;
}

/** Who caused a write: `import:<run id>`, `key:<key id>`, `demo`, `system` … */
export interface WriteContext {
  actor: string;
  /**
   * A bulk import (a file of thousands of rows): hooks may leave work that is not needed for
   * correctness at once to catch up after it, the search index records what it owes instead of
   * indexing (`search/search-catch-up.ts`). Small writes leave it unset and stay in step.
   */
  bulk?: boolean;
}

export interface WriteSummary {
  versionsAdded: number;
  unchanged: number;
  certificatesCreated: number;
  touched: TouchedCertificate[];
}

/**
 * Runs inside the writing transaction with the certificates that gained a version, so that
 * whatever must follow new data (tickets resolving, the search index) commits or fails with it.
 */
export type AfterWriteHook = (touched: readonly TouchedCertificate[], context: WriteContext) => void;

interface StoredVersionRow extends DatedVersion {
  productName: string | null;
  holder: string | null;
}

/** What `refreshSummaries` reads of a certificate before recomputing it. */
interface RefreshRow extends CertificateSummary {
  canonical: string;
  matchKey: string;
  family: Family;
  summaryDue: IsoDate | null;
}

interface RefreshReport {
  /** Certificates recomputed (ids that no longer exist are not counted). */
  checked: number;
  /** Those whose summary changed: the after-write hooks ran for these alone. */
  touched: TouchedCertificate[];
}

/** The single write path for certificate data: imports, demo data, corrections and scrapers. */
export class CertificateWriter {
  private readonly hooks: AfterWriteHook[] = [];
  private readonly findId: Database.Statement<[string], number>;
  private readonly insertCertificate: Database.Statement;
  private readonly insertVersion: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly versionsOf: Database.Statement<[number], StoredVersionRow>;
  private readonly updateCurrent: Database.Statement;
  private readonly summaryOf: Database.Statement<[number], CertificateSummary>;
  private readonly refreshRowOf: Database.Statement<[number], RefreshRow>;
  private readonly updateDue: Database.Statement<[IsoDate | null, number]>;
  private readonly writeTransaction: (inputs: readonly VersionInput[], today: string, context: WriteContext) => WriteSummary;
  private readonly refreshTransaction: (ids: readonly number[], today: string, context: WriteContext) => RefreshReport;

  /** `authorityOf` ranks sources when versions of one document disagree; the composition root passes the configured one. */
  constructor(
    sqlite: Database.Database,
    private readonly authorityOf: AuthorityOf = authorityWithoutConfig,
  ) {
    // By match key, so legacy spellings that differ only by 食 or 药监/药管 join one certificate.
    this.findId = sqlite.prepare<[string], number>('SELECT id FROM certificates WHERE match_key = ?').pluck();
    // created_at_change: the change log's last id, read by the INSERT itself, so under the write lock
    // (a write statement takes it before it reads): every change this write records comes after it.
    this.insertCertificate = sqlite.prepare(`
      INSERT INTO certificates (canonical, match_key, recode_key, family, authority, city, form, origin, year,
        management_class, code, serial, created_at_change)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) + 1 FROM change_log))`);
    this.insertVersion = sqlite.prepare(`
      INSERT INTO certificate_versions (${VERSION_COLUMNS.join(', ')})
      VALUES (${VERSION_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (certificate_id, content_hash) DO NOTHING`);
    this.insertLink = sqlite.prepare(`
      INSERT INTO certificate_links (from_canonical, from_match_key, to_certificate_id, source)
      VALUES (?, ?, ?, ?) ON CONFLICT (from_match_key, to_certificate_id) DO NOTHING`);
    this.versionsOf = sqlite.prepare(`
      SELECT id, document_type AS documentType, approval_date AS approvalDate, effective_date AS effectiveDate,
        expiry_date AS expiryDate, product_name AS productName, holder, source
      FROM certificate_versions WHERE certificate_id = ?`);
    this.updateCurrent = sqlite.prepare(`
      UPDATE certificates SET product_name = ?, holder = ?, approval_date = ?, effective_date = ?, expiry_date = ?,
        current_version_id = ?, dates_known = ?, summary_due = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ?`);
    this.summaryOf = sqlite.prepare(`
      SELECT product_name AS productName, holder, approval_date AS approvalDate, effective_date AS effectiveDate,
        expiry_date AS expiryDate, current_version_id AS currentVersionId, dates_known AS datesKnown
      FROM certificates WHERE id = ?`);
    this.refreshRowOf = sqlite.prepare(`
      SELECT canonical, match_key AS matchKey, family, product_name AS productName, holder, approval_date AS approvalDate,
        effective_date AS effectiveDate, expiry_date AS expiryDate, current_version_id AS currentVersionId,
        dates_known AS datesKnown, summary_due AS summaryDue
      FROM certificates WHERE id = ?`);
    this.updateDue = sqlite.prepare('UPDATE certificates SET summary_due = ? WHERE id = ?');
    // IMMEDIATE, both: each reads, then writes what it read; taking the write lock first means another
    // process's commit in between makes it wait (busy_timeout) instead of failing with SQLITE_BUSY.
    // Inside an import's transaction this one is a savepoint, and the import's took the lock.
    const write = sqlite.transaction((inputs: readonly VersionInput[], today: string, context: WriteContext) =>
      this.writeUnsafe(inputs, today, context),
    );
    this.writeTransaction = (inputs, today, context) => write.immediate(inputs, today, context);
    const refresh = sqlite.transaction((ids: readonly number[], today: string, context: WriteContext) =>
      this.refreshUnsafe(ids, today, context),
    );
    this.refreshTransaction = (ids, today, context) => refresh.immediate(ids, today, context);
  }

  onWrite(hook: AfterWriteHook): void {
    this.hooks.push(hook);
  }

  /** Stores a batch atomically: every version and its consequences, or nothing. */
  write(inputs: readonly VersionInput[], today: string, context: WriteContext = { actor: 'system' }): WriteSummary {
    return this.writeTransaction(inputs, today, context);
  }

  private writeUnsafe(inputs: readonly VersionInput[], today: string, context: WriteContext): WriteSummary {
    const batch = new Map<string, BatchEntry>();
    let versionsAdded = 0;
    let certificatesCreated = 0;
    for (const input of inputs) {
      let entry = batch.get(input.number.matchKey);
      if (!entry) {
        entry = this.entryFor(input.number);
        if (entry.created) certificatesCreated++;
        batch.set(input.number.matchKey, entry);
      }
      const inserted = this.insertVersion.run(...versionValues(entry.id, input));
      for (const previous of input.previousNumbers ?? []) {
        if (previous.matchKey !== input.number.matchKey) {
          this.insertLink.run(previous.canonical, previous.matchKey, entry.id, input.provenance.source);
          entry.replaces.push(previous.matchKey);
        }
      }
      if (inserted.changes === 0) continue;
      versionsAdded++;
      const versionId = Number(inserted.lastInsertRowid);
      // Summary columns change only after this loop, so this still reads the state before the batch.
      if (entry.versionIds.length === 0 && !entry.created) entry.before = this.summaryOf.get(entry.id) ?? null;
      entry.versionIds.push(versionId);
      entry.stored?.push(storedVersionOf(versionId, input));
    }
    const list: TouchedCertificate[] = [];
    for (const [matchKey, entry] of batch) {
      if (entry.versionIds.length === 0) continue;
      // A certificate created here has no versions but this batch's: its summary needs no read-back.
      const after = this.refreshCurrent(entry.id, entry.number.family, today, entry.stored ?? this.versionsOf.all(entry.id));
      list.push({
        id: entry.id,
        canonical: entry.number.canonical,
        matchKey,
        family: entry.number.family,
        refreshed: false,
        createdWith: entry.created ? entry.number : null,
        versionIds: entry.versionIds,
        replaces: entry.replaces,
        before: entry.before,
        after,
      });
    }
    if (list.length > 0) for (const hook of this.hooks) hook(list, context);
    return { versionsAdded, unchanged: inputs.length - versionsAdded, certificatesCreated, touched: list };
  }

  /** The batch's record of one certificate: found by match key, or created now. */
  private entryFor(number: ParsedNumber): BatchEntry {
    const existing = this.findId.get(number.matchKey);
    if (existing !== undefined) return { id: existing, created: false, number, versionIds: [], replaces: [], before: null, stored: null };
    const result = this.insertCertificate.run(
      number.canonical,
      number.matchKey,
      recodeKey(number),
      number.family,
      number.authority,
      number.city,
      number.form,
      number.origin,
      number.year,
      number.class,
      number.code,
      number.serial,
    );
    return { id: Number(result.lastInsertRowid), created: true, number, versionIds: [], replaces: [], before: null, stored: [] };
  }

  /**
   * Recomputes the summary columns of these certificates from their versions as of `today`, in one
   * transaction, without adding anything: for the day a stored document takes effect
   * (`summary_due`) and after the ranking of sources changed. The after-write hooks run only for
   * certificates whose summary changed, so the search index, its outbox and the change log follow
   * what people see and nothing else.
   */
  refreshSummaries(ids: readonly number[], today: IsoDate, context: WriteContext = { actor: 'system' }): RefreshReport {
    return this.refreshTransaction(ids, today, context);
  }

  private refreshUnsafe(ids: readonly number[], today: IsoDate, context: WriteContext): RefreshReport {
    const touched: TouchedCertificate[] = [];
    let checked = 0;
    for (const id of ids) {
      const row = this.refreshRowOf.get(id);
      if (!row) continue;
      checked++;
      const { canonical, matchKey, family, summaryDue, ...before } = row;
      const { summary, due } = this.summaryFrom(family, today, this.versionsOf.all(id));
      if (sameSummary(before, summary)) {
        // Nothing people see changed (a pending document set aside by the new ranking, say); only the bookkeeping moves.
        if (due !== summaryDue) this.updateDue.run(due, id);
        continue;
      }
      this.storeSummary(id, summary, due);
      touched.push({
        id,
        canonical,
        matchKey,
        family,
        refreshed: true,
        createdWith: null,
        versionIds: [],
        replaces: [],
        before,
        after: summary,
      });
    }
    if (touched.length > 0) for (const hook of this.hooks) hook(touched, context);
    return { checked, touched };
  }

  /** Rewrites the certificate's summary columns from its versions (names, dates, expiry). */
  private refreshCurrent(id: number, family: string, today: string, versions: readonly StoredVersionRow[]): CertificateSummary {
    const { summary, due } = this.summaryFrom(family, today, versions);
    this.storeSummary(id, summary, due);
    return summary;
  }

  private storeSummary(id: number, summary: CertificateSummary, due: IsoDate | null): void {
    this.updateCurrent.run(
      summary.productName,
      summary.holder,
      summary.approvalDate,
      summary.effectiveDate,
      summary.expiryDate,
      summary.currentVersionId,
      summary.datesKnown,
      due,
      id,
    );
  }

  /** The summary as of `today`, and the day it next needs recomputing (`summary_due`). */
  private summaryFrom(
    family: string,
    today: IsoDate,
    versions: readonly StoredVersionRow[],
  ): { summary: CertificateSummary; due: IsoDate | null } {
    const inEffect = documentsInEffect(versions, today, this.authorityOf);
    const latest = inEffect?.latest ?? null;
    const dates = reportedDates(inEffect, family);
    const summary: CertificateSummary = {
      productName: namedBy(versions, latest, 'productName')?.productName ?? null,
      holder: namedBy(versions, latest, 'holder')?.holder ?? null,
      approvalDate: dates.approvalDate,
      effectiveDate: dates.effectiveDate,
      expiryDate: dates.expiryDate,
      currentVersionId: latest?.id ?? Math.max(...versions.map((v) => v.id)),
      datesKnown: inEffect ? 1 : 0,
    };
    return { summary, due: inEffect ? nextChange(inEffect, today) : null };
  }
}

/**
 * The first day after `today` on which a document other than the one shown takes effect: the
 * summary may differ from then on. The one shown is left out because, when nothing has started
 * yet, it is the first to start, and its start changes nothing.
 */
function nextChange(inEffect: InEffect<DatedVersion>, today: IsoDate): IsoDate | null {
  let due: IsoDate | null = null;
  for (const [id, from] of inEffect.effectiveFrom) {
    if (id !== inEffect.latest.id && from !== null && from > today && (due === null || from < due)) due = from;
  }
  return due;
}

function sameSummary(a: CertificateSummary, b: CertificateSummary): boolean {
  return (
    a.productName === b.productName &&
    a.holder === b.holder &&
    a.approvalDate === b.approvalDate &&
    a.effectiveDate === b.effectiveDate &&
    a.expiryDate === b.expiryDate &&
    a.currentVersionId === b.currentVersionId &&
    a.datesKnown === b.datesKnown
  );
}

interface BatchEntry {
  id: number;
  created: boolean;
  /** As typed in this batch; for a created certificate, as stored. */
  number: ParsedNumber;
  versionIds: number[];
  replaces: string[];
  before: CertificateSummary | null;
  /** A created certificate's versions, as stored by this batch; null for one that existed before. */
  stored: StoredVersionRow[] | null;
}

function storedVersionOf(id: number, input: VersionInput): StoredVersionRow {
  return {
    id,
    documentType: input.documentType,
    approvalDate: input.approvalDate ?? null,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    productName: input.productName ?? null,
    holder: input.holder ?? null,
    source: input.provenance.source,
  };
}
