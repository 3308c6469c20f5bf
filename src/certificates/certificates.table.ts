import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, ownedBy, stampedNow } from '../db/columns.ts';

/**
 * One row per canonical number. The parsed parts come from the number engine; the `current_*`
 * columns repeat the version in effect so that lookups and search read one row, and are
 * rewritten by the store whenever a version is added.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: id(),
    canonical: text('canonical').notNull(),
    matchKey: text('match_key').notNull(),
    recodeKey: text('recode_key'),
    family: text('family').notNull(),
    authority: text('authority').notNull(),
    city: text('city'),
    form: text('form'),
    origin: text('origin').notNull(),
    year: integer('year').notNull(),
    managementClass: integer('management_class').notNull(),
    code: text('code'),
    serial: text('serial').notNull(),
    productName: text('product_name'),
    holder: text('holder'),
    approvalDate: text('approval_date'),
    effectiveDate: text('effective_date'),
    expiryDate: text('expiry_date'),
    currentVersionId: integer('current_version_id'),
    datesKnown: integer('dates_known', { mode: 'boolean' }).notNull().default(true),
    /**
     * The first day after the last write on which another stored document takes effect (a change
     * with a later 生效日期, a renewal approved before the old expiry): the summary columns above
     * must be recomputed then, by the summary-refresh job. Null when nothing is pending.
     */
    summaryDue: text('summary_due'),
    /**
     * Where the change feed stood when the write that created this certificate began, plus one: a
     * lower bound of the id its `created` change got. A full listing pinned to the feed's last id H
     * shows exactly the certificates with a value ≤ H (docs/certificates.md §6). 0 for certificates
     * stored before the column existed, which no listing can have begun before.
     */
    createdAtChange: integer('created_at_change').notNull().default(0),
    createdAt: stampedNow('created_at'),
    updatedAt: stampedNow('updated_at'),
  },
  (t) => [
    // One certificate per match key (the writer joins spellings that share one); the canonical
    // number is a function of the match key's certificate, so a second unique index on it only
    // cost every import a random B-tree insert per certificate.
    uniqueIndex('certificates_match_key_uq').on(t.matchKey),
    index('certificates_recode_key_idx').on(t.recodeKey),
    // Partial: only the few certificates with a pending document are in it, so the daily
    // "due today" query reads a small index instead of a million-row one.
    index('certificates_summary_due_idx').on(t.summaryDue).where(sql`summary_due IS NOT NULL`),
    // The full listing's `updatedSince` when few certificates changed: it reads the changed ones in
    // this index alone (match key to order them by, creation to leave out those after its snapshot).
    index('certificates_updated_at_idx').on(t.updatedAt, t.matchKey, t.createdAtChange),
  ],
);

/** One row per document: first registration, renewal, change document, filing, filing change. */
export const certificateVersions = sqliteTable(
  'certificate_versions',
  {
    id: id(),
    certificateId: ownedBy('certificate_id', () => certificates.id),
    documentType: text('document_type').notNull(),
    asIssued: text('as_issued').notNull(),
    approvalDate: text('approval_date'),
    effectiveDate: text('effective_date'),
    expiryDate: text('expiry_date'),
    productName: text('product_name'),
    holder: text('holder'),
    holderAddress: text('holder_address'),
    productionAddress: text('production_address'),
    agentName: text('agent_name'),
    agentAddress: text('agent_address'),
    modelSpec: text('model_spec'),
    structure: text('structure'),
    scope: text('scope'),
    approvalDepartment: text('approval_department'),
    changeDescription: text('change_description'),
    remarks: text('remarks'),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    sourceRow: integer('source_row'),
    fetchedAt: text('fetched_at').notNull(),
    importRunId: integer('import_run_id'),
    /** Hash of the document's own fields, so the same document from a re-import adds nothing. */
    contentHash: text('content_hash').notNull(),
    createdAt: stampedNow('created_at'),
  },
  (t) => [
    // Covers the auto-fill read, so the hot path never touches the wide version rows (whose
    // long texts spill into overflow pages on a large database).
    index('certificate_versions_autofill_idx').on(
      t.certificateId,
      t.documentType,
      t.approvalDate,
      t.effectiveDate,
      t.expiryDate,
      t.productName,
      t.holder,
      t.source,
      t.sourceRef,
      t.fetchedAt,
    ),
    uniqueIndex('certificate_versions_content_uq').on(t.certificateId, t.contentHash),
  ],
);

/** An old number replaced by a new one at re-registration (原注册证编号). */
export const certificateLinks = sqliteTable(
  'certificate_links',
  {
    id: id(),
    fromCanonical: text('from_canonical').notNull(),
    fromMatchKey: text('from_match_key').notNull(),
    toCertificateId: ownedBy('to_certificate_id', () => certificates.id),
    source: text('source').notNull(),
    createdAt: stampedNow('created_at'),
  },
  (t) => [
    uniqueIndex('certificate_links_uq').on(t.fromMatchKey, t.toCertificateId),
    index('certificate_links_to_idx').on(t.toCertificateId),
  ],
);
