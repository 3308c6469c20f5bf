import { type CertificateStatus, certificateStatus } from '../certificates/certificate-status.ts';
import type { AutofillVersionRow } from '../certificates/certificates.repository.ts';
import { documentsInEffect, namedBy, reportedDates } from '../certificates/current-document.ts';
import { dataAsOf } from '../certificates/data-as-of.ts';
import { type AuthorityOf, authorityWithoutConfig } from '../certificates/source-precedence.ts';
import { type Validity, validityOn } from '../certificates/validity.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';

export type NotReportableReason = 'expired' | 'imported' | 'not_yet_effective' | 'superseded';

export interface AutofillPayload {
  number: string;
  productName: string | null;
  holder: string | null;
  approvalDate: string | null;
  effectiveDate: string | null;
  effectiveDateSource: 'certificate' | 'approval_date_rule' | null;
  expiryDate: string | null;
  managementClass: 1 | 2 | 3;
  status: CertificateStatus;
  /** Where the certificate stands on `asOf`: the same answer the certificate route gives. */
  validity: Validity;
  asOf: string;
  datesKnown: boolean;
  reportable: boolean;
  reasons: NotReportableReason[];
  notes: string[];
  /** The document whose approval date the form takes. */
  basedOn: { versionId: number; documentType: string; source: string; sourceRef: string | null; fetchedAt: string } | null;
  dataAsOf: string;
}

/**
 * The reporting form's payload (docs/certificates.md §3):
 * 1. effective date as printed; old-rule certificates (none printed) use the approval date;
 * 2. the approval date is that of the latest document in effect, change documents included;
 * 3. expired certificates are answered but not reportable;
 * 4. imported / HMT products are not reported by a domestic agent;
 * 5. filings have a filing date and no expiry.
 */
export function buildAutofill(
  number: ParsedNumber,
  versions: readonly AutofillVersionRow[],
  asOf: string,
  authorityOf: AuthorityOf = authorityWithoutConfig,
  replacedBy: readonly string[] = [],
): AutofillPayload {
  const inEffect = documentsInEffect(versions, asOf, authorityOf);
  const latest = inEffect?.latest ?? null;
  const isFiling = number.family === 'filing';
  const { approvalDate, effectiveDate, effectiveDateSource, expiryDate } = reportedDates(inEffect, number.family);
  const status = certificateStatus(number.family, expiryDate, asOf);
  const { validity, effectiveFrom: startsOn } = validityOn({ inEffect, expiryDate, replacedBy }, asOf);

  const reasons: NotReportableReason[] = [];
  const notes: string[] = [];
  if (validity === 'superseded') {
    reasons.push('superseded');
    notes.push(`该证书已被新证书取代（${replacedBy.join('、')}），请按新证书编号填报。`);
  }
  if (validity === 'expired') {
    reasons.push('expired');
    notes.push(`注册证已于 ${expiryDate} 过期，不在有效期内，无需上报。`);
  }
  if (number.origin !== 'domestic') {
    reasons.push('imported');
    notes.push(
      number.origin === 'hmt'
        ? '港澳台产品由境外注册人持有，国内代理人无需上报。'
        : '进口产品由境外注册人/备案人持有，国内代理人无需上报。',
    );
  }
  if (validity === 'not_yet_effective') {
    reasons.push('not_yet_effective');
    notes.push(`证书自 ${startsOn} 起生效，尚未生效。`);
  }
  if (!latest) {
    notes.push('本证书仅来自不含日期的数据源（如 UDI 数据库），批准日期、生效日期、有效期至需按证书原件手工填写。');
  } else if (effectiveDateSource === 'approval_date_rule' && !isFiling) {
    notes.push('按旧注册管理办法取得的注册证未载明生效日期，生效日期按批准日期填写。');
  }
  if (latest?.documentType === 'change' || latest?.documentType === 'filing_change') {
    notes.push('证书发生过变更，批准日期/备案日期按最新有效的变更文件填写。');
  }
  if (isFiling) notes.push('第一类医疗器械备案凭证无有效期，有效期至不填。');

  return {
    number: number.canonical,
    productName: namedBy(versions, latest, 'productName')?.productName ?? null,
    holder: namedBy(versions, latest, 'holder')?.holder ?? null,
    approvalDate,
    effectiveDate,
    effectiveDateSource,
    expiryDate,
    managementClass: number.class,
    status,
    validity,
    asOf,
    datesKnown: latest !== null,
    reportable: reasons.length === 0,
    reasons,
    notes,
    basedOn: latest
      ? {
          versionId: latest.id,
          documentType: latest.documentType,
          source: latest.source,
          sourceRef: latest.sourceRef,
          fetchedAt: latest.fetchedAt,
        }
      : null,
    dataAsOf: dataAsOf(versions),
  };
}
