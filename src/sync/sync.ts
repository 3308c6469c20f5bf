import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { AppConfig } from '../config/config.ts';
import { ServiceState } from '../db/service-state.ts';
import { createServices } from '../services.ts';
import { installLatestBundle } from './bundle-install.ts';
import { ChangeApplier, type ChangesPage } from './change-apply.ts';
import { RemoteCertref } from './remote-certref.ts';
import { syncOtherRemote, syncTargetNotEmpty } from './sync.errors.ts';
import { readSyncPosition } from './sync-state.ts';

/** Changes per page of the remote feed: one transaction each. */
const PAGE_SIZE = 500;

export interface SyncOptions {
  baseUrl: string;
  key: string | null;
  /** The local database; its other settings (time zone, search) come from `config`. */
  databasePath: string;
  config: AppConfig;
  /** Stop after this many pages of changes (a bounded run; the next one resumes). */
  maxPages?: number;
  /** Changes per page (and per transaction); 500 by default. */
  pageSize?: number;
  progress?: SyncProgress;
}

export interface SyncProgress {
  downloaded(bytes: number, total: number): void;
  applied(totals: SyncReport): void;
}

export interface SyncReport {
  /** The bundle installed by this run (a first sync), else null. */
  installedBundle: string | null;
  pages: number;
  changes: number;
  versionsAdded: number;
  summariesRefreshed: number;
  /** False when `maxPages` stopped the run with more changes waiting. */
  complete: boolean;
  cursor: string;
}

const SILENT: SyncProgress = { downloaded: () => {}, applied: () => {} };

/**
 * `certref sync`: brings a local database in step with a remote certref. A first run installs the
 * remote's newest bundle; every run then follows the change feed from the stored cursor.
 */
export async function syncFrom(options: SyncOptions): Promise<SyncReport> {
  const { databasePath, config } = options;
  const progress = options.progress ?? SILENT;
  const remote = new RemoteCertref(options.baseUrl, options.key);
  const report: SyncReport = {
    installedBundle: null,
    pages: 0,
    changes: 0,
    versionsAdded: 0,
    summariesRefreshed: 0,
    complete: true,
    cursor: '',
  };
  if (localState(databasePath) !== 'synced') {
    report.installedBundle = (await installLatestBundle(remote, config, databasePath, progress)).id;
  }
  const services = createServices({ ...config, databasePath, demoData: false });
  try {
    const position = readSyncPosition(new ServiceState(services.database.sqlite));
    if (position && position.remote !== remote.origin) throw syncOtherRemote(databasePath, position.remote, remote.origin);
    let cursor = position?.cursor ?? '';
    const applier = new ChangeApplier(services, remote.origin);
    for (;;) {
      if (options.maxPages !== undefined && report.pages >= options.maxPages) {
        report.complete = false;
        break;
      }
      const query = new URLSearchParams({
        since: cursor,
        limit: String(options.pageSize ?? PAGE_SIZE),
        entity: 'certificate',
        include: 'versions',
      });
      const page = (await remote.json(`/v1/changes?${query}`)) as ChangesPage;
      const applied = applier.apply(page);
      cursor = page.nextCursor;
      report.pages++;
      report.changes += applied.changes;
      report.versionsAdded += applied.versionsAdded;
      report.summariesRefreshed += applied.summariesRefreshed;
      progress.applied(report);
      if (!page.hasMore) break;
    }
    report.cursor = cursor;
    return report;
  } finally {
    services.close();
  }
}

/**
 * `synced`: a previous sync stored its cursor; `empty`: no file, or no certificates (a first sync
 * may replace it). A database with certificates of its own is refused rather than overwritten.
 */
function localState(databasePath: string): 'synced' | 'empty' {
  if (!fs.existsSync(databasePath)) return 'empty';
  const db = new Database(databasePath, { readonly: true });
  try {
    const has = (table: string) =>
      db.prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) === 1;
    if (has('service_state') && readSyncPosition(new ServiceState(db)) !== null) return 'synced';
    if (has('certificates') && db.prepare('SELECT 1 FROM certificates LIMIT 1').get() !== undefined) throw syncTargetNotEmpty(databasePath);
    return 'empty';
  } finally {
    db.close();
  }
}
