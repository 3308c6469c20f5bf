import { addDays, type IsoDate } from '../shared/dates.ts';
import { type AuthorityOf, authorityWithoutConfig, withoutOutranked } from './source-precedence.ts';
import type { DocumentType } from './version-input.ts';

/** The fields of a stored version that decide which document is in effect. */
export interface DatedVersion {
  id: number;
  documentType: DocumentType;
  approvalDate: IsoDate | null;
  effectiveDate: IsoDate | null;
  expiryDate: IsoDate | null;
  /** Provenance source (`import`, `correction`, `html:<name>` …): decides which of two contradicting versions counts. */
  source: string;
}

const CERTIFICATE_DOCUMENTS: ReadonlySet<DocumentType> = new Set(['registration', 'renewal', 'filing']);

export interface InEffect<V extends DatedVersion> {
  /** The latest document in effect, change documents included (what the form's 批准日期 follows). */
  latest: V;
  /** The certificate itself in effect (registration, renewal or filing): its expiry and 生效日期 count. */
  certificate: V | null;
  /** The day each document took or takes effect, by version id. */
  effectiveFrom: Map<number, IsoDate | null>;
  /**
   * Versions set aside because a better-ranked source gives the same document's dates differently
   * (docs/certificates.md §5), by version id, with the id of a version that outranks each. They are
   * kept (provenance) but never in effect; usually empty.
   */
  outrankedBy: ReadonlyMap<number, number>;
}

const NONE_OUTRANKED: ReadonlyMap<number, number> = new Map();

/**
 * Decides which document is in effect on `today` (docs/certificates.md §2–3). A renewal approved before
 * the old expiry takes effect the day after it; otherwise documents take effect on their printed
 * 生效日期 or, lacking one, on their approval date. Records without dates (UDI) never count, nor
 * does a version a better-ranked source contradicts (§5), whichever was stored first.
 *
 * `authorityOf` defaults to what is known without the sources configuration: an `html:<name>`
 * source then outranks a claim (bulk files) and is outranked by nothing; pass
 * SourcePrecedence.authorityOf to also rank detail pages over announcements.
 */
export function documentsInEffect<V extends DatedVersion>(
  versions: readonly V[],
  today: IsoDate,
  authorityOf: AuthorityOf = authorityWithoutConfig,
): InEffect<V> | null {
  const dated = versions.filter((v) => v.documentType !== 'record' && (v.approvalDate || v.effectiveDate));
  if (dated.length === 0) return null;
  dated.sort((a, b) => compare(a.approvalDate ?? a.effectiveDate, b.approvalDate ?? b.effectiveDate) || a.id - b.id);
  // An outranked version always has a winner among the dated documents (they share a date and differ in one).
  let outrankedBy: Map<number, number> | undefined;
  const documents =
    dated.length < 2
      ? dated
      : withoutOutranked(dated, authorityOf, (loser, by) => {
          outrankedBy ??= new Map();
          outrankedBy.set(loser.id, by.id);
        });

  const effectiveFrom = new Map<number, IsoDate | null>();
  let previousExpiry: IsoDate | null = null;
  for (const doc of documents) {
    let from = doc.effectiveDate ?? doc.approvalDate;
    if (!doc.effectiveDate && doc.documentType === 'renewal' && previousExpiry && doc.approvalDate && doc.approvalDate <= previousExpiry) {
      from = addDays(previousExpiry, 1);
    }
    effectiveFrom.set(doc.id, from);
    if (CERTIFICATE_DOCUMENTS.has(doc.documentType) && doc.expiryDate) previousExpiry = doc.expiryDate;
  }

  const byStart = [...documents].sort((a, b) => compare(effectiveFrom.get(a.id) ?? null, effectiveFrom.get(b.id) ?? null) || a.id - b.id);
  const started = byStart.filter((d) => (effectiveFrom.get(d.id) ?? '') <= today);
  // Nothing has started yet (a certificate approved today with a later 生效日期): show the first.
  const pool = started.length > 0 ? started : byStart.slice(0, 1);
  const latest = pool[pool.length - 1]!;
  const certificate = [...pool].reverse().find((d) => CERTIFICATE_DOCUMENTS.has(d.documentType)) ?? null;
  return { latest, certificate, effectiveFrom, outrankedBy: outrankedBy ?? NONE_OUTRANKED };
}

function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

interface ReportedDates {
  /** Of the latest document in effect, change documents included. */
  approvalDate: IsoDate | null;
  /** As printed on the certificate in effect; under the old rules (none printed), the approval date. */
  effectiveDate: IsoDate | null;
  effectiveDateSource: 'certificate' | 'approval_date_rule' | null;
  /** Of the certificate in effect (change documents keep it); filings never expire. */
  expiryDate: IsoDate | null;
}

/** The dates the reporting form takes from the documents in effect (docs/certificates.md §3). */
export function reportedDates(inEffect: InEffect<DatedVersion> | null, family: string): ReportedDates {
  const approvalDate = inEffect?.latest.approvalDate ?? null;
  const printed = inEffect?.certificate?.effectiveDate ?? null;
  return {
    approvalDate,
    effectiveDate: printed ?? approvalDate,
    effectiveDateSource: printed ? 'certificate' : approvalDate ? 'approval_date_rule' : null,
    expiryDate: family === 'filing' ? null : (inEffect?.certificate?.expiryDate ?? inEffect?.latest.expiryDate ?? null),
  };
}

/**
 * The version whose product name (or holder) to show: the latest document in effect when it has
 * one, else the newest version that does (a certificate known only from undated UDI records).
 */
export function namedBy<V extends DatedVersion & { productName: string | null; holder: string | null }>(
  versions: readonly V[],
  latest: V | null,
  field: 'productName' | 'holder',
): V | undefined {
  if (latest?.[field]) return latest;
  let best: V | undefined;
  for (const v of versions) if (v[field] && (!best || v.id > best.id)) best = v;
  return best;
}
