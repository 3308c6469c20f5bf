import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { encodeChangeCursor } from '../changes/change-cursor.ts';
import type { BundleStore } from './bundle-store.ts';
import { BUNDLE_FORMAT_VERSION, BUNDLE_JSONL, BUNDLE_MANIFEST, BUNDLE_SQLITE, type BundleManifest } from './bundles.schemas.ts';
import { writeCertificatesJsonl } from './certificates-jsonl.ts';
import { digestOf } from './file-digest.ts';
import { snapshotPublicTables } from './public-snapshot.ts';

export interface BuildReport {
  manifest: BundleManifest;
  folder: string;
  /** Ids of the older bundles deleted to keep BUNDLES_KEEP. */
  pruned: string[];
}

interface BundleBuilderDeps {
  sqlite: Database.Database;
  store: BundleStore;
  /** BUNDLES_KEEP. */
  keep: number;
  now: () => Date;
}

/**
 * Builds one bundle: the public tables as SQLite, the same snapshot as gzipped JSON Lines, and a
 * manifest with checksums and the change feed cursor, in a folder renamed into place when complete.
 * Whatever happens, the build folder is gone afterwards: renamed, or removed.
 */
export async function buildBundle({ sqlite, store, keep, now }: BundleBuilderDeps): Promise<BuildReport> {
  store.sweepAbandonedBuilds();
  const building = store.startBuild();
  try {
    const createdAt = store.freeMoment(now());
    const id = bundleId(createdAt);
    const snapshot = snapshotPublicTables(sqlite, path.join(building, BUNDLE_SQLITE));
    await writeCertificatesJsonl(path.join(building, BUNDLE_SQLITE), path.join(building, BUNDLE_JSONL));
    const files = [];
    for (const name of [BUNDLE_SQLITE, BUNDLE_JSONL] as const) files.push({ name, ...(await digestOf(path.join(building, name))) });
    const manifest: BundleManifest = {
      formatVersion: BUNDLE_FORMAT_VERSION,
      id,
      createdAt: createdAt.toISOString(),
      dataAsOf: snapshot.dataAsOf,
      cursor: encodeChangeCursor(snapshot.changeLogId),
      changeLogId: snapshot.changeLogId,
      counts: snapshot.counts,
      files,
    };
    fs.writeFileSync(path.join(building, BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const folder = store.publish(building, id);
    return { manifest, folder, pruned: store.prune(keep) };
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}

/** `20261204T185501123Z`: sortable, and safe in a URL and a file name. */
export function bundleId(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}
