import type { Candidate } from './parse/candidate.ts';

/**
 * The rejected candidate an answer without numbers is about: the first certificate-shaped one,
 * else the first look-alike licence, so `医疗器械生产许可证 绿械注准…` explains the certificate.
 */
export function preferredFailure(candidates: readonly Candidate[]): Candidate | undefined {
  let licence: Candidate | undefined;
  for (const c of candidates) {
    if (c.reason === null) continue;
    if (c.kind !== 'other_licence') return c;
    licence ??= c;
  }
  return licence;
}
