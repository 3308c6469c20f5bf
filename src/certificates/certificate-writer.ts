import type Database from 'better-sqlite3';
import { recodeKey } from '../numbers/recode-key.ts';
import type { Family, ParsedNumber } from '../numbers/number.types.ts';
import { contentHash } from './content-hash.ts';
import { documentsInEffect, namedBy, reportedDates, type DatedVersion } from './current-document.ts';
import type { VersionInput } from './version-input.ts';
import { authorityWithoutConfig, type AuthorityOf } from '../sources/source-precedence.ts';

/** The summary columns a certificate shows; what the audit log records before and after. */
export interface CertificateSummary {
  productName: string | null;
  holder: string | null;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  currentVersionId: number | null;
  datesKnown: number;
}

export interface TouchedCertificate {
  id: number;
  canonical: string;
  matchKey: string;
  family: Family;
  created: boolean;
  /**
   * The parsed number a certificate created by this write was stored under; null when it existed
   * before (its stored spelling may then differ from the one in this batch).
   */
  createdWith: ParsedNumber | null;
  versionIds: number[];
  before: CertificateSummary | null;
  after: CertificateSummary;
}

/** Who caused a write: `import:<run id>`, `key:<key id>`, `demo`, `system` … */
export interface WriteContext {
  actor: string;
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
  private readonly writeTransaction: (inputs: readonly VersionInput[], today: string, context: WriteContext) => WriteSummary;

  /** `authorityOf` ranks sources when versions of one document disagree; the composition root passes the configured one. */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly authorityOf: AuthorityOf = authorityWithoutConfig,
  ) {
    // By match key, so legacy spellings that differ only by 食 or 药监/药管 join one certificate.
    this.findId = sqlite.prepare<[string], number>('SELECT id FROM certificates WHERE match_key = ?').pluck();
    this.insertCertificate = sqlite.prepare(`
      INSERT INTO certificates (canonical, match_key, recode_key, family, authority, city, form, origin, year,
        management_class, code, serial)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertVersion = sqlite.prepare(`
      INSERT INTO certificate_versions (certificate_id, document_type, as_issued, approval_date, effective_date,
        expiry_date, product_name, holder, holder_address, production_address, agent_name, agent_address,
        model_spec, structure, scope, approval_department, change_description, remarks, source, source_ref,
        source_row, fetched_at, import_run_id, content_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
        current_version_id = ?, dates_known = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ?`);
    this.summaryOf = sqlite.prepare(`
      SELECT product_name AS productName, holder, approval_date AS approvalDate, effective_date AS effectiveDate,
        expiry_date AS expiryDate, current_version_id AS currentVersionId, dates_known AS datesKnown
      FROM certificates WHERE id = ?`);
    this.writeTransaction = sqlite.transaction((inputs, today, context) => this.writeUnsafe(inputs, today, context));
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
        created: entry.created,
        createdWith: entry.created ? entry.number : null,
        versionIds: entry.versionIds,
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
    if (existing !== undefined) return { id: existing, created: false, number, versionIds: [], before: null, stored: null };
    const result = this.insertCertificate.run(
      number.canonical, number.matchKey, recodeKey(number), number.family, number.authority, number.city, number.form,
      number.origin, number.year, number.class, number.code, number.serial,
    );
    return { id: Number(result.lastInsertRowid), created: true, number, versionIds: [], before: null, stored: [] };
  }

  /** Rewrites the certificate's summary columns from its versions (names, dates, expiry). */
  private refreshCurrent(id: number, family: string, today: string, versions: readonly StoredVersionRow[]): CertificateSummary {
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
    this.updateCurrent.run(
      summary.productName, summary.holder, summary.approvalDate, summary.effectiveDate, summary.expiryDate,
      summary.currentVersionId, summary.datesKnown, id,
    );
    return summary;
  }
}

interface BatchEntry {
  id: number;
  created: boolean;
  /** As typed in this batch; for a created certificate, as stored. */
  number: ParsedNumber;
  versionIds: number[];
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

/** The values of `insertVersion`, in its column order (positional binding: the hottest statement of an import). */
function versionValues(certificateId: number, input: VersionInput): unknown[] {
  return [
    certificateId, input.documentType, input.asIssued, input.approvalDate ?? null, input.effectiveDate ?? null,
    input.expiryDate ?? null, input.productName ?? null, input.holder ?? null, input.holderAddress ?? null,
    input.productionAddress ?? null, input.agentName ?? null, input.agentAddress ?? null, input.modelSpec ?? null,
    input.structure ?? null, input.scope ?? null, input.approvalDepartment ?? null, input.changeDescription ?? null,
    input.remarks ?? null, input.provenance.source, input.provenance.sourceRef ?? null, input.provenance.sourceRow ?? null,
    input.provenance.fetchedAt, input.provenance.importRunId ?? null, input.contentHash ?? contentHash(input),
  ];
}
