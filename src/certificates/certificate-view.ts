import type { z } from 'zod';
import type { ParsedNumber } from '../numbers/number.types.ts';
import { certificateStatus } from './certificate-status.ts';
import type { CertificateWithVersions } from './certificates.repository.ts';
import type { certificateViewSchema } from './certificates.schemas.ts';
import { documentsInEffect, namedBy, reportedDates } from './current-document.ts';
import { dataAsOf } from './data-as-of.ts';
import { type AuthorityOf, authorityWithoutConfig } from './source-precedence.ts';
import { validityOn } from './validity.ts';

type CertificateView = z.output<typeof certificateViewSchema>;

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
