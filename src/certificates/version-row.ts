import { contentHash } from './content-hash.ts';
import type { VersionInput } from './version-input.ts';

/** `insertVersion`'s columns: one list, so that its placeholders cannot miscount them. */
export const VERSION_COLUMNS = [
  'id',
  'certificate_id',
  'document_type',
  'as_issued',
  'approval_date',
  'effective_date',
  'expiry_date',
  'product_name',
  'holder',
  'holder_address',
  'production_address',
  'agent_name',
  'agent_address',
  'model_spec',
  'structure',
  'scope',
  'approval_department',
  'change_description',
  'remarks',
  'source',
  'source_ref',
  'source_row',
  'fetched_at',
  'import_run_id',
  'content_hash',
] as const;

/** The values of `insertVersion`, in `VERSION_COLUMNS` order (positional binding: the hottest statement of an import). */
export function versionValues(certificateId: number, input: VersionInput): unknown[] {
  return [
    // Null lets SQLite number it; a mirror passes the id its source gave the version.
    input.id ?? null,
    certificateId,
    input.documentType,
    input.asIssued,
    input.approvalDate ?? null,
    input.effectiveDate ?? null,
    input.expiryDate ?? null,
    input.productName ?? null,
    input.holder ?? null,
    input.holderAddress ?? null,
    input.productionAddress ?? null,
    input.agentName ?? null,
    input.agentAddress ?? null,
    input.modelSpec ?? null,
    input.structure ?? null,
    input.scope ?? null,
    input.approvalDepartment ?? null,
    input.changeDescription ?? null,
    input.remarks ?? null,
    input.provenance.source,
    input.provenance.sourceRef ?? null,
    input.provenance.sourceRow ?? null,
    input.provenance.fetchedAt,
    input.provenance.importRunId ?? null,
    input.contentHash ?? contentHash(input),
  ];
}
