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
  private readonly findId: Database.Statement<[string], { id: number }>;
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
    this.findId = sqlite.prepare('SELECT id FROM certificates WHERE match_key = ?');
    this.insertCertificate = sqlite.prepare(`
      INSERT INTO certificates (canonical, match_key, recode_key, family, authority, city, form, origin, year,
        management_class, code, serial)
      VALUES (@canonical, @matchKey, @recodeKey, @family, @authority, @city, @form, @origin, @year, @class, @code, @serial)`);
    this.insertVersion = sqlite.prepare(`
      INSERT INTO certificate_versions (certificate_id, document_type, as_issued, approval_date, effective_date,
        expiry_date, product_name, holder, holder_address, production_address, agent_name, agent_address,
        model_spec, structure, scope, approval_department, change_description, remarks, source, source_ref,
        source_row, fetched_at, import_run_id, content_hash)
      VALUES (@certificateId, @documentType, @asIssued, @approvalDate, @effectiveDate, @expiryDate, @productName,
        @holder, @holderAddress, @productionAddress, @agentName, @agentAddress, @modelSpec, @structure, @scope,
        @approvalDepartment, @changeDescription, @remarks, @source, @sourceRef, @sourceRow, @fetchedAt,
        @importRunId, @contentHash)
      ON CONFLICT (certificate_id, content_hash) DO NOTHING`);
    this.insertLink = sqlite.prepare(`
      INSERT INTO certificate_links (from_canonical, from_match_key, to_certificate_id, source)
      VALUES (?, ?, ?, ?) ON CONFLICT (from_match_key, to_certificate_id) DO NOTHING`);
    this.versionsOf = sqlite.prepare(`
      SELECT id, document_type AS documentType, approval_date AS approvalDate, effective_date AS effectiveDate,
        expiry_date AS expiryDate, product_name AS productName, holder, source
      FROM certificate_versions WHERE certificate_id = ?`);
    this.updateCurrent = sqlite.prepare(`
      UPDATE certificates SET product_name = @productName, holder = @holder, approval_date = @approvalDate,
        effective_date = @effectiveDate, expiry_date = @expiryDate, current_version_id = @currentVersionId,
        dates_known = @datesKnown, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = @id`);
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
    const touched = new Map<number, Omit<TouchedCertificate, 'id' | 'after'>>();
    let versionsAdded = 0;
    let certificatesCreated = 0;
    for (const input of inputs) {
      const { id, created } = this.certificateId(input.number);
      if (created) certificatesCreated++;
      const inserted = this.insertVersion.run(versionRow(id, input));
      for (const previous of input.previousNumbers ?? []) {
        if (previous.matchKey !== input.number.matchKey) {
          this.insertLink.run(previous.canonical, previous.matchKey, id, input.provenance.source);
        }
      }
      if (inserted.changes > 0) {
        versionsAdded++;
        // Summary columns change only in refreshCurrent below, so this still reads the state before the batch.
        const entry = touched.get(id) ?? {
          canonical: input.number.canonical,
          matchKey: input.number.matchKey,
          family: input.number.family,
          created,
          versionIds: [],
          before: created ? null : (this.summaryOf.get(id) ?? null),
        };
        entry.versionIds.push(Number(inserted.lastInsertRowid));
        touched.set(id, entry);
      }
    }
    const list: TouchedCertificate[] = [];
    for (const [id, entry] of touched) list.push({ id, ...entry, after: this.refreshCurrent(id, entry.family, today) });
    if (list.length > 0) for (const hook of this.hooks) hook(list, context);
    return { versionsAdded, unchanged: inputs.length - versionsAdded, certificatesCreated, touched: list };
  }

  private certificateId(number: ParsedNumber): { id: number; created: boolean } {
    const existing = this.findId.get(number.matchKey);
    if (existing) return { id: existing.id, created: false };
    const result = this.insertCertificate.run({
      canonical: number.canonical,
      matchKey: number.matchKey,
      recodeKey: recodeKey(number),
      family: number.family,
      authority: number.authority,
      city: number.city,
      form: number.form,
      origin: number.origin,
      year: number.year,
      class: number.class,
      code: number.code,
      serial: number.serial,
    });
    return { id: Number(result.lastInsertRowid), created: true };
  }

  /** Rewrites the certificate's summary columns from its versions (names, dates, expiry). */
  private refreshCurrent(id: number, family: string, today: string): CertificateSummary {
    const versions = this.versionsOf.all(id);
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
    this.updateCurrent.run({ id, ...summary });
    return summary;
  }
}

function versionRow(certificateId: number, input: VersionInput): Record<string, unknown> {
  return {
    certificateId,
    documentType: input.documentType,
    asIssued: input.asIssued,
    approvalDate: input.approvalDate ?? null,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    productName: input.productName ?? null,
    holder: input.holder ?? null,
    holderAddress: input.holderAddress ?? null,
    productionAddress: input.productionAddress ?? null,
    agentName: input.agentName ?? null,
    agentAddress: input.agentAddress ?? null,
    modelSpec: input.modelSpec ?? null,
    structure: input.structure ?? null,
    scope: input.scope ?? null,
    approvalDepartment: input.approvalDepartment ?? null,
    changeDescription: input.changeDescription ?? null,
    remarks: input.remarks ?? null,
    source: input.provenance.source,
    sourceRef: input.provenance.sourceRef ?? null,
    sourceRow: input.provenance.sourceRow ?? null,
    fetchedAt: input.provenance.fetchedAt,
    importRunId: input.provenance.importRunId ?? null,
    contentHash: contentHash(input),
  };
}
