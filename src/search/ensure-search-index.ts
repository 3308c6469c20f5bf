import type { RebuildReport } from './embedded/embedded-index.ts';
import type { SearchModule } from './search-module.ts';

/**
 * On start: rebuilds the embedded index when it does not hold every certificate — a database from
 * before search, or after a migration that reshaped the index. Certificates a bulk import left
 * owed are not missing: the catch-up indexes them (`search-catch-up.ts`). Writes keep it in step afterwards.
 */
export function ensureSearchIndex(search: SearchModule, log: (message: string) => void): RebuildReport | null {
  const { certificates, indexed, owedUnindexed } = search.embedded.counts();
  if (certificates === indexed + owedUnindexed) return null;
  log(`search index holds ${indexed} of ${certificates} certificates: rebuilding it…`);
  const report = search.embedded.rebuild();
  log(`search index rebuilt: ${report.documents} certificates in ${(report.milliseconds / 1000).toFixed(1)} s`);
  return report;
}
