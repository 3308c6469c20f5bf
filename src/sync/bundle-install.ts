import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BUNDLE_FORMAT_VERSION, BUNDLE_SQLITE, type BundleManifest, PUBLIC_TABLES } from '../bundles/bundles.schemas.ts';
import type { AppConfig } from '../config/config.ts';
import { ServiceState } from '../db/service-state.ts';
import { createServices } from '../services.ts';
import { isRunning, makeTempDir } from '../shared/temp-files.ts';
import type { RemoteCertref } from './remote-certref.ts';
import { bundleChecksumMismatch, bundleFormatUnsupported } from './sync.errors.ts';
import { writeSyncPosition } from './sync-state.ts';

export interface InstallProgress {
  /** Bytes of the SQLite file so far, of `total`. */
  downloaded(bytes: number, total: number): void;
}

/**
 * A first sync: downloads the newest bundle's SQLite file, checks it against the manifest, and
 * makes a database migrated by the real migrations from it, with the search index built and the
 * manifest's cursor stored, under a temporary name renamed into place at the end. A corrupted
 * download, or any failure, leaves the local database as it was.
 */
export async function installLatestBundle(
  remote: RemoteCertref,
  config: AppConfig,
  databasePath: string,
  progress: InstallProgress,
): Promise<BundleManifest> {
  const manifest = (await remote.json('/v1/bundles/latest')) as BundleManifest;
  if (manifest?.formatVersion !== BUNDLE_FORMAT_VERSION) throw bundleFormatUnsupported(manifest?.formatVersion);
  const file = manifest.files.find((f) => f.name === BUNDLE_SQLITE);
  if (!file) throw bundleFormatUnsupported(manifest.formatVersion);
  const temp = await makeTempDir('sync');
  removeAbandonedBuilds(databasePath);
  const building = `${databasePath}.sync-${process.pid}.tmp`;
  try {
    const downloaded = path.join(temp.path, BUNDLE_SQLITE);
    let sofar = 0;
    const got = await remote.download(`/v1/bundles/${manifest.id}/${BUNDLE_SQLITE}`, downloaded, (bytes) => {
      sofar += bytes;
      progress.downloaded(sofar, file.size);
    });
    if (got.sha256 !== file.sha256 || got.size !== file.size) throw bundleChecksumMismatch(BUNDLE_SQLITE, file.sha256, got.sha256);
    removeDatabaseFiles(building);
    const services = createServices({ ...config, databasePath: building, demoData: false });
    try {
      copyPublicTables(services.database.sqlite, downloaded);
      writeSyncPosition(new ServiceState(services.database.sqlite), { cursor: manifest.cursor, remote: remote.origin });
      services.search.embedded.rebuild();
    } finally {
      services.close();
    }
    // The local database was empty (the caller checked): its files give way to the installed one.
    removeDatabaseFiles(databasePath);
    fs.renameSync(building, databasePath);
    return manifest;
  } finally {
    removeDatabaseFiles(building);
    await temp.dispose();
  }
}

/** Rows of the bundle's tables into the migrated database's, column by column, in one transaction. */
function copyPublicTables(sqlite: Database.Database, bundleFile: string): void {
  sqlite.prepare('ATTACH DATABASE ? AS bundle').run(bundleFile);
  try {
    sqlite
      .transaction(() => {
        for (const table of PUBLIC_TABLES) {
          const local = new Set(columnsOf(sqlite, 'main', table));
          // A bundle from an older or newer certref: the columns both know.
          const shared = columnsOf(sqlite, 'bundle', table)
            .filter((name) => local.has(name))
            .map((name) => `"${name}"`)
            .join(', ');
          sqlite.exec(`INSERT INTO main.${table} (${shared}) SELECT ${shared} FROM bundle.${table}`);
        }
      })
      .immediate();
  } finally {
    sqlite.exec('DETACH DATABASE bundle');
  }
}

function columnsOf(sqlite: Database.Database, schema: string, table: string): string[] {
  return sqlite
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}', '${schema}')`)
    .all()
    .map((column) => column.name);
}

/**
 * A first sync killed before its rename leaves its half-built database beside the target, named
 * after its process: the next first sync removes those whose process is gone (a running one's is its own).
 */
function removeAbandonedBuilds(databasePath: string): void {
  const folder = path.dirname(databasePath);
  const prefix = `${path.basename(databasePath)}.sync-`;
  // The folder may not exist yet: the database is created with it.
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)\.tmp(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length))?.[1] ?? Number.NaN);
    if (Number.isSafeInteger(pid) && !isRunning(pid)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

function removeDatabaseFiles(databasePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
}
