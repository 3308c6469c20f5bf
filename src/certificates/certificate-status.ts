import type { Family } from '../numbers/number.types.ts';

/**
 * `filed` for class I filings (they never expire), `valid`/`expired` against the expiry of the
 * certificate in effect, `unknown` when no source has told us the expiry (e.g. known only from UDI).
 */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'filed', 'unknown'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export function certificateStatus(family: Family | string, expiryDate: string | null, today: string): CertificateStatus {
  if (family === 'filing') return 'filed';
  if (!expiryDate) return 'unknown';
  return expiryDate < today ? 'expired' : 'valid';
}
