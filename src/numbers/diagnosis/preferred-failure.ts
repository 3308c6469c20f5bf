import type { Candidate } from '../parse/candidate.ts';

/**
 * Whether a rejected candidate should explain an answer without numbers instead of the one
 * chosen so far: the first certificate-shaped candidate wins over look-alike licences, so
 * `医疗器械生产许可证 绿械注准…` is about the certificate.
 */
export function isPreferredFailure(candidate: Candidate, chosen: Candidate | undefined): boolean {
  return chosen === undefined || (chosen.kind === 'other_licence' && candidate.kind !== 'other_licence');
}
