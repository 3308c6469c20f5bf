import type { BuildReport } from './bundle-builder.ts';

/** The nightly job that writes an offline bundle; listed in jobs/job-registry.ts as a housekeeping job. */
export const BUNDLE_BUILD_JOB = {
  name: 'bundle-build',
  description: 'Writes an offline bundle of all public certificate data (SQLite, JSON Lines, manifest) and prunes old ones to BUNDLES_KEEP',
} as const;

/** What a run of the job counts: rows written, bytes, bundles pruned. */
export function bundleBuildCounts(report: BuildReport): Record<string, number> {
  const { counts, files } = report.manifest;
  return {
    certificates: counts.certificates ?? 0,
    versions: counts.certificate_versions ?? 0,
    links: counts.certificate_links ?? 0,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    pruned: report.pruned.length,
  };
}
