import type { ParsedNumber } from '../numbers/number.types.ts';
import { type CertificateStatus, certificateStatus } from './certificate-status.ts';
import type { CertificateWithVersions, VersionRow } from './certificates.repository.ts';
import { documentsInEffect, namedBy, reportedDates } from './current-document.ts';
import { dataAsOf } from './data-as-of.ts';
import { type AuthorityOf, authorityWithoutConfig } from './source-precedence.ts';
import { type Validity, validityOn } from './validity.ts';

export interface VersionView extends Omit<VersionRow, 'source' | 'sourceRef' | 'sourceRow' | 'fetchedAt'> {
  effectiveFrom: string | null;
  inEffect: boolean;
  /** The id of a version from a better-ranked source that gives this document's dates differently; null when none does. */
  outrankedBy: number | null;
  provenance: { source: string; sourceRef: string | null; sourceRow: number | null; fetchedAt: string };
}

export interface CertificateView {
  canonical: string;
  asIssued: string;
  number: ParsedNumber;
  status: CertificateStatus;
  validity: Validity;
  asOf: string;
  datesKnown: boolean;
  current: {
    productName: string | null;
    holder: string | null;
    approvalDate: string | null;
    effectiveDate: string | null;
    expiryDate: string | null;
    versionId: number | null;
  };
  versions: VersionView[];
  links: { replaces: string[]; replacedBy: string[] };
  dataAsOf: string;
}

/** The whole certificate: parts, what is in effect today, every version newest first, links. */
export function buildCertificateView(
  number: ParsedNumber,
  found: CertificateWithVersions,
  links: { replaces: string[]; replacedBy: string[] },
  asOf: string,
  authorityOf: AuthorityOf = authorityWithoutConfig,
): CertificateView {
  const inEffect = documentsInEffect(found.versions, asOf, authorityOf);
  const latest = inEffect?.latest ?? null;
  const certificateDocument = inEffect?.certificate ?? null;
  const dates = reportedDates(inEffect, number.family);
  const newestFirst = [...found.versions].sort((a, b) => compareDesc(a.approvalDate, b.approvalDate) || b.id - a.id);
  return {
    canonical: number.canonical,
    asIssued: (latest ?? newestFirst[0])?.asIssued ?? number.canonical,
    number,
    status: certificateStatus(number.family, dates.expiryDate, asOf),
    validity: validityOn({ inEffect, expiryDate: dates.expiryDate, replacedBy: links.replacedBy }, asOf).validity,
    asOf,
    datesKnown: latest !== null,
    current: {
      productName: namedBy(found.versions, latest, 'productName')?.productName ?? null,
      holder: namedBy(found.versions, latest, 'holder')?.holder ?? null,
      approvalDate: dates.approvalDate,
      effectiveDate: dates.effectiveDate,
      expiryDate: dates.expiryDate,
      versionId: latest?.id ?? null,
    },
    versions: newestFirst.map((v) => {
      const { source, sourceRef, sourceRow, fetchedAt, ...fields } = v;
      return {
        ...fields,
        effectiveFrom: inEffect?.effectiveFrom.get(v.id) ?? null,
        inEffect: v.id === latest?.id || v.id === certificateDocument?.id,
        outrankedBy: inEffect?.outrankedBy.get(v.id) ?? null,
        provenance: { source, sourceRef, sourceRow, fetchedAt },
      };
    }),
    links,
    dataAsOf: dataAsOf(found.versions),
  };
}

/** Newest first; undated records (UDI) after dated documents. */
function compareDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}
