import type { z } from 'zod';
import type { VersionInput } from '../certificates/version-input.ts';
import type { changesPageSchema } from '../changes/changes.schemas.ts';
import { ServiceState } from '../db/service-state.ts';
import { normalise } from '../numbers/normalise.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import type { Services } from '../services.ts';
import { writeSyncPosition } from './sync-state.ts';

export type ChangesPage = z.output<typeof changesPageSchema>;
type FeedChange = ChangesPage['changes'][number];

export interface AppliedPage {
  changes: number;
  versionsAdded: number;
  summariesRefreshed: number;
}

/**
 * Applies one page of the remote change feed through the certificate writer, so the search index,
 * the change log and the auto-fill cache follow as for any write, and stores the page's cursor in
 * the same transaction: a sync killed at any moment resumes after the last page committed, never
 * applying one twice or skipping one.
 */
export class ChangeApplier {
  private readonly state: ServiceState;
  private readonly versionExists;
  private readonly certificateId;
  private readonly numbers = new Map<string, ParsedNumber | null>();

  constructor(
    private readonly services: Services,
    private readonly remote: string,
  ) {
    const { sqlite } = services.database;
    this.state = new ServiceState(sqlite);
    this.versionExists = sqlite.prepare<[number], number>('SELECT 1 FROM certificate_versions WHERE id = ?').pluck();
    this.certificateId = sqlite.prepare<[string], number>('SELECT id FROM certificates WHERE match_key = ?').pluck();
  }

  apply(page: ChangesPage): AppliedPage {
    const { writer, today, database } = this.services;
    const context = { actor: `sync:${this.remote}` };
    return database.sqlite
      .transaction((): AppliedPage => {
        const inputs = page.changes.flatMap((change) => this.inputsOf(change));
        const added = inputs.length > 0 ? writer.write(inputs, today(), context).versionsAdded : 0;
        const refreshIds = page.changes
          .filter((change) => change.entity === 'certificate' && change.action === 'summary_refreshed')
          .flatMap((change) => {
            const number = this.parsed(change.entityId);
            const id = number ? this.certificateId.get(number.matchKey) : undefined;
            return id === undefined ? [] : [id];
          });
        const refreshed = refreshIds.length > 0 ? writer.refreshSummaries(refreshIds, today(), context).touched.length : 0;
        writeSyncPosition(this.state, { cursor: page.nextCursor, remote: this.remote });
        return { changes: page.changes.length, versionsAdded: added, summariesRefreshed: refreshed };
      })
      .immediate();
  }

  /** The versions a certificate change added that this database does not hold yet, as the writer takes them. */
  private inputsOf(change: FeedChange): VersionInput[] {
    if (change.entity !== 'certificate' || !change.versions?.length) return [];
    const number = this.parsed(change.entityId);
    if (!number) return [];
    const inputs = change.versions
      .filter((version) => this.versionExists.get(version.id) === undefined)
      .map(({ provenance, ...fields }): VersionInput => ({ ...fields, number, provenance }));
    // The links go with a version from the source that gave them, as the writer records a link's source from its input.
    for (const link of change.replaces ?? []) {
      const previous = this.parsed(link.canonical);
      const carrier = inputs.find((input) => input.provenance.source === link.source) ?? inputs[0];
      if (previous && carrier) carrier.previousNumbers = [...(carrier.previousNumbers ?? []), previous];
    }
    return inputs;
  }

  /** The number engine's reading of a canonical number the remote stored; null for one it cannot read. */
  private parsed(canonical: string): ParsedNumber | null {
    if (!this.numbers.has(canonical)) {
      this.numbers.set(canonical, normalise(canonical, { currentYear: this.services.currentYear() }).numbers[0] ?? null);
    }
    return this.numbers.get(canonical) ?? null;
  }
}
