import type { ParsedNumber } from '../numbers/number.types.ts';

/**
 * The kinds of document a certificate's history is made of. `record` is not a document: it is
 * what a source such as UDI says about a product, names without dates.
 */
export const DOCUMENT_TYPES = ['registration', 'renewal', 'change', 'filing', 'filing_change', 'record'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Where a fact came from; stored on every version. */
export interface Provenance {
  /** `import`, `demo`, `correction`, `udi`, `html:<source name>` … */
  source: string;
  /** File name or URL. */
  sourceRef?: string | null;
  sourceRow?: number | null;
  fetchedAt: string;
  importRunId?: number | null;
}

/** The descriptive fields a document carries (docs/certificates.md §2); all optional per source. */
export interface DocumentFields {
  approvalDate?: string | null;
  effectiveDate?: string | null;
  expiryDate?: string | null;
  productName?: string | null;
  holder?: string | null;
  holderAddress?: string | null;
  productionAddress?: string | null;
  agentName?: string | null;
  agentAddress?: string | null;
  modelSpec?: string | null;
  structure?: string | null;
  scope?: string | null;
  approvalDepartment?: string | null;
  changeDescription?: string | null;
  remarks?: string | null;
}

/** One document to store, already validated, with its number parsed by the engine. */
export interface VersionInput extends DocumentFields {
  /**
   * The version's id, kept from the certref it was mirrored from (`certref sync`), so both answer
   * with the same ids; absent everywhere else, and SQLite numbers it.
   */
  id?: number;
  number: ParsedNumber;
  /** The number as printed or typed on the source, before normalisation. */
  asIssued: string;
  documentType: DocumentType;
  /** Numbers this certificate replaced (原注册证编号). */
  previousNumbers?: ParsedNumber[];
  provenance: Provenance;
  /**
   * contentHash() of this input, when a reader worked it out off the writing thread (imports hash
   * in their reader worker); the writer computes it when absent.
   */
  contentHash?: string;
}

/** The document's free-text fields, as opposed to its dates. */
export const DOCUMENT_TEXT_FIELD_NAMES = [
  'productName',
  'holder',
  'holderAddress',
  'productionAddress',
  'agentName',
  'agentAddress',
  'modelSpec',
  'structure',
  'scope',
  'approvalDepartment',
  'changeDescription',
  'remarks',
] as const satisfies readonly (keyof DocumentFields)[];

export const DOCUMENT_FIELD_NAMES = [
  'approvalDate',
  'effectiveDate',
  'expiryDate',
  ...DOCUMENT_TEXT_FIELD_NAMES,
] as const satisfies readonly (keyof DocumentFields)[];
