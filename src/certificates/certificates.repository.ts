import type Database from 'better-sqlite3';
import type { certificates, certificateVersions } from './certificates.table.ts';
import type { DocumentType } from './version-input.ts';

/** The certificate columns lookups read (`CERTIFICATE_COLUMNS` below); `dates_known` arrives as SQLite's 0/1, not drizzle's boolean. */
export type CertificateRow = Pick<
  typeof certificates.$inferSelect,
  'id' | 'canonical' | 'matchKey' | 'family' | 'authority' | 'productName' | 'holder' | 'approvalDate' | 'effectiveDate' | 'expiryDate'
> & { datesKnown: number };

/** A version as lookups read it: the columns of `VERSION_COLUMNS` below. */
export type VersionRow = Pick<
  typeof certificateVersions.$inferSelect,
  | 'id'
  | 'asIssued'
  | 'approvalDate'
  | 'effectiveDate'
  | 'expiryDate'
  | 'productName'
  | 'holder'
  | 'holderAddress'
  | 'productionAddress'
  | 'agentName'
  | 'agentAddress'
  | 'modelSpec'
  | 'structure'
  | 'scope'
  | 'approvalDepartment'
  | 'changeDescription'
  | 'remarks'
  | 'source'
  | 'sourceRef'
  | 'sourceRow'
  | 'fetchedAt'
> & { documentType: DocumentType };

/** The few version fields auto-fill reads: its hot path fetches nothing else. */
export type AutofillVersionRow = Pick<
  VersionRow,
  'id' | 'documentType' | 'approvalDate' | 'effectiveDate' | 'expiryDate' | 'productName' | 'holder' | 'source' | 'sourceRef' | 'fetchedAt'
>;

/** What auto-fill reads of a certificate: its versions and the numbers that replaced it. */
export interface AutofillRead {
  versions: AutofillVersionRow[];
  replacedBy: string[];
}

export interface CertificateWithVersions {
  certificate: CertificateRow;
  versions: VersionRow[];
}

const VERSION_COLUMNS = `v.id AS id, v.document_type AS documentType, v.as_issued AS asIssued,
  v.approval_date AS approvalDate, v.effective_date AS effectiveDate, v.expiry_date AS expiryDate,
  v.product_name AS productName, v.holder AS holder, v.holder_address AS holderAddress,
  v.production_address AS productionAddress, v.agent_name AS agentName, v.agent_address AS agentAddress,
  v.model_spec AS modelSpec, v.structure AS structure, v.scope AS scope,
  v.approval_department AS approvalDepartment, v.change_description AS changeDescription,
  v.remarks AS remarks, v.source AS source, v.source_ref AS sourceRef, v.source_row AS sourceRow,
  v.fetched_at AS fetchedAt`;

const CERTIFICATE_COLUMNS = `c.id AS id, c.canonical AS canonical, c.match_key AS matchKey, c.family AS family,
  c.authority AS authority, c.product_name AS productName, c.holder AS holder, c.approval_date AS approvalDate,
  c.effective_date AS effectiveDate, c.expiry_date AS expiryDate, c.dates_known AS datesKnown`;

/**
 * Reads for lookups and auto-fill. Every statement is prepared once: these run on every request.
 */
export class CertificatesRepository {
  private readonly byMatchKey: Database.Statement<[string], CertificateRow>;
  private readonly versionsOf: Database.Statement<[number], VersionRow>;
  private readonly successorsOf: Database.Statement<[string], { canonical: string }>;
  private readonly predecessorsOf: Database.Statement<[number], { canonical: string }>;
  private readonly byRecodeKey: Database.Statement<[string, string], { canonical: string }>;
  private readonly existing: Database.Statement<[string], { matchKey: string }>;
  private readonly existingAmong: Database.Statement<[string], { matchKey: string; canonical: string }>;
  private readonly autofillRows: Database.Statement<{ matchKey: string }, AutofillVersionRow & { replacedBy: string }>;

  constructor(sqlite: Database.Database) {
    this.byMatchKey = sqlite.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates c WHERE c.match_key = ?`);
    this.versionsOf = sqlite.prepare(`SELECT ${VERSION_COLUMNS} FROM certificate_versions v WHERE v.certificate_id = ?`);
    this.successorsOf = sqlite.prepare(`
      SELECT c.canonical AS canonical FROM certificate_links l JOIN certificates c ON c.id = l.to_certificate_id
      WHERE l.from_match_key = ? ORDER BY c.canonical`);
    this.predecessorsOf = sqlite.prepare(
      'SELECT DISTINCT from_canonical AS canonical FROM certificate_links WHERE to_certificate_id = ? ORDER BY from_canonical',
    );
    this.byRecodeKey = sqlite.prepare(
      'SELECT canonical FROM certificates WHERE recode_key = ? AND canonical <> ? ORDER BY canonical LIMIT 5',
    );
    this.existing = sqlite.prepare('SELECT match_key AS matchKey FROM certificates WHERE match_key = ? LIMIT 1');
    // One statement for any number of keys (a JSON array), each looked up in the match-key index.
    this.existingAmong = sqlite.prepare(
      'SELECT match_key AS matchKey, canonical FROM certificates WHERE match_key IN (SELECT value FROM json_each(?))',
    );
    // One statement for the whole auto-fill read (match keys are unique: legacy spellings share one
    // certificate). The successors are an uncorrelated sub-select, which SQLite evaluates once per
    // statement, not per version; each row repeats its JSON, read from the first.
    this.autofillRows = sqlite.prepare(`
      SELECT v.id AS id, v.document_type AS documentType, v.approval_date AS approvalDate,
        v.effective_date AS effectiveDate, v.expiry_date AS expiryDate, v.product_name AS productName,
        v.holder AS holder, v.source AS source, v.source_ref AS sourceRef, v.fetched_at AS fetchedAt,
        (SELECT json_group_array(canonical) FROM (
          SELECT s.canonical FROM certificate_links l JOIN certificates s ON s.id = l.to_certificate_id
          WHERE l.from_match_key = @matchKey ORDER BY s.canonical)) AS replacedBy
      FROM certificate_versions v
      WHERE v.certificate_id = (SELECT c.id FROM certificates c WHERE c.match_key = @matchKey)`);
  }

  /** What auto-fill needs, read with one statement; null when no certificate has this match key. */
  autofillRead(matchKey: string): AutofillRead | null {
    const rows = this.autofillRows.all({ matchKey });
    if (rows.length === 0) return null;
    const replacedBy = rows[0]!.replacedBy;
    return { versions: rows, replacedBy: replacedBy === '[]' ? [] : (JSON.parse(replacedBy) as string[]) };
  }

  findByMatchKey(matchKey: string): CertificateWithVersions | null {
    const certificate = this.byMatchKey.get(matchKey);
    if (!certificate) return null;
    return { certificate, versions: this.versionsOf.all(certificate.id) };
  }

  /** Numbers that replaced this one at re-registration. */
  successors(matchKey: string): string[] {
    return this.successorsOf.all(matchKey).map((r) => r.canonical);
  }

  /** Old numbers this certificate replaced. */
  predecessors(certificateId: number): string[] {
    return this.predecessorsOf.all(certificateId).map((r) => r.canonical);
  }

  /** Certificates that differ from a missing number only by a re-coded classification code. */
  recodedMatches(recodeKey: string, canonical: string): string[] {
    return this.byRecodeKey.all(recodeKey, canonical).map((r) => r.canonical);
  }

  exists(matchKey: string): boolean {
    return this.existing.get(matchKey) !== undefined;
  }

  /** Of these match keys, those a certificate has, each with that certificate's canonical number. */
  canonicalsOf(matchKeys: readonly string[]): Map<string, string> {
    if (matchKeys.length === 0) return new Map();
    return new Map(this.existingAmong.all(JSON.stringify(matchKeys)).map((r) => [r.matchKey, r.canonical]));
  }
}
