import type { AutofillVersionRow } from './certificates.repository.ts';

/** When the freshest fact about this certificate was fetched. */
export function dataAsOf(versions: readonly Pick<AutofillVersionRow, 'fetchedAt'>[]): string {
  let latest = '';
  for (const v of versions) if (v.fetchedAt > latest) latest = v.fetchedAt;
  return latest;
}
