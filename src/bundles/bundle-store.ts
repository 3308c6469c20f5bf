import fs from 'node:fs';
import path from 'node:path';
import { bundleNotFound } from './bundles.errors.ts';
import { BUNDLE_ID, BUNDLE_MANIFEST, type BundleManifest, bundleManifestSchema } from './bundles.schemas.ts';

/** Folders a build is writing: `.building-<pid>-<random>`, renamed to the bundle's id when complete. */
const BUILDING = /^\.building-(\d+)-[0-9a-f]+$/;

/**
 * The bundles folder: one sub-folder per bundle, named by its id, holding its manifest and files.
 * A folder appears whole (a build renames it into place), so anything listed is complete.
 */
export class BundleStore {
  constructor(readonly dir: string) {}

  /** Every complete bundle's manifest, newest first; a folder without a readable manifest is skipped. */
  list(): BundleManifest[] {
    const names = fs.existsSync(this.dir) ? fs.readdirSync(this.dir) : [];
    return names
      .filter((name) => BUNDLE_ID.test(name))
      .sort()
      .reverse()
      .flatMap((id) => {
        const manifest = this.readManifest(id);
        return manifest ? [manifest] : [];
      });
  }

  latest(): BundleManifest {
    const newest = this.list()[0];
    if (!newest) throw bundleNotFound(null);
    return newest;
  }

  /** The folder of a listed bundle; `bundle_not_found` for any other id. */
  folderOf(id: string): string {
    if (!BUNDLE_ID.test(id) || !this.readManifest(id)) throw bundleNotFound(id);
    return path.join(this.dir, id);
  }

  /** `at`, or the first millisecond after the newest bundle: two builds in one millisecond get distinct ids. */
  freeMoment(at: Date): Date {
    const newest = this.list()[0];
    if (!newest) return at;
    const after = new Date(Date.parse(newest.createdAt) + 1);
    return at < after ? after : at;
  }

  /** A new folder to build in, beside the bundles so that the final rename stays on one file system. */
  startBuild(): string {
    fs.mkdirSync(this.dir, { recursive: true });
    return fs.mkdtempSync(path.join(this.dir, `.building-${process.pid}-`));
  }

  /** Makes a finished build visible under its id, in one rename. */
  publish(buildFolder: string, id: string): string {
    const folder = path.join(this.dir, id);
    fs.renameSync(buildFolder, folder);
    return folder;
  }

  /** Deletes all but the newest `keep` bundles; returns the ids deleted. */
  prune(keep: number): string[] {
    const old = this.list().slice(keep);
    for (const manifest of old) fs.rmSync(path.join(this.dir, manifest.id), { recursive: true, force: true });
    return old.map((manifest) => manifest.id);
  }

  /** Removes what builds of processes that no longer run left behind (a build killed mid-way). */
  sweepAbandonedBuilds(): void {
    if (!fs.existsSync(this.dir)) return;
    for (const name of fs.readdirSync(this.dir)) {
      const pid = Number(BUILDING.exec(name)?.[1] ?? Number.NaN);
      if (Number.isSafeInteger(pid) && !isRunning(pid)) fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }

  private readManifest(id: string): BundleManifest | null {
    try {
      const parsed = bundleManifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(this.dir, id, BUNDLE_MANIFEST), 'utf8')));
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
