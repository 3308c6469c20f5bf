import type { IsoDate } from '../shared/dates.ts';
import type { DatedVersion, InEffect } from './current-document.ts';

/**
 * Where a certificate stands on a day, the one answer every route gives (docs/certificates.md §2–3):
 * - `in_effect`: a document has taken effect and the certificate has not expired (filings never do);
 * - `not_yet_effective`: approved, but its first document takes effect later (a printed 生效日期);
 * - `expired`: past 有效期至 with no renewal in effect;
 * - `superseded`: a newer certificate replaced this number (a re-registration under a new number);
 * - `unknown`: no dated document (known only from UDI), so nothing can be said.
 */
export const VALIDITIES = ['in_effect', 'not_yet_effective', 'expired', 'superseded', 'unknown'] as const;
export type Validity = (typeof VALIDITIES)[number];

export interface ValidityFacts {
  inEffect: InEffect<DatedVersion> | null;
  /** The expiry the form reports (null for filings and when no source gave one). */
  expiryDate: IsoDate | null;
  /** Numbers of the certificates that replaced this one. */
  replacedBy: readonly string[];
}

export interface ValidityAnswer {
  validity: Validity;
  /** The day the first document takes effect, when that is after `asOf`. */
  effectiveFrom: IsoDate | null;
}

/** A certificate is valid through its 有效期至 and expired from the next day; filings (no expiry) never expire. */
export function expiredOn(expiryDate: IsoDate | null, asOf: IsoDate): boolean {
  return expiryDate !== null && expiryDate < asOf;
}

export function validityOn(facts: ValidityFacts, asOf: IsoDate): ValidityAnswer {
  const { inEffect } = facts;
  if (facts.replacedBy.length > 0) return { validity: 'superseded', effectiveFrom: null };
  if (!inEffect) return { validity: 'unknown', effectiveFrom: null };
  const firstStart = inEffect.effectiveFrom.get(inEffect.latest.id) ?? null;
  if (firstStart && firstStart > asOf) return { validity: 'not_yet_effective', effectiveFrom: firstStart };
  if (expiredOn(facts.expiryDate, asOf)) return { validity: 'expired', effectiveFrom: null };
  return { validity: 'in_effect', effectiveFrom: null };
}
