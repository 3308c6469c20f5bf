import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Normaliser, NumberCache, RecentKeys } from '../numbers/number-cache.ts';
import type { Clock } from '../shared/clock.ts';
import type { PendingDevice, UdiBatchWriter } from './udi-batch.ts';
import {
  EMPTY_UDI_COUNTS,
  type UdiRejection,
  type UdiRun,
  type UdiRunCounts,
  type UdiRunDetails,
  type UdiRunsRepository,
} from './udi-runs.repository.ts';
import { readDevices } from './xml/udi-device-stream.ts';
import { byPartNumber, isUdiFileName } from './xml/udi-file-entries.ts';
import { readDevicesInWorker } from './xml/udi-worker-stream.ts';

interface UdiImporterDeps {
  batches: UdiBatchWriter;
  runs: UdiRunsRepository;
  normalise: Normaliser;
  clock: Clock;
  /** Files at least this large are read by a worker thread (tests lower it to cover that path). */
  workerThresholdBytes?: number;
}

export interface UdiProgress {
  file: string;
  bytesRead: number;
  sizeBytes: number;
  devicesRead: number;
}

interface UdiImportOptions {
  /** Who started it: `cli`, `job:udi-incremental` … (stored with the run). */
  trigger: string;
  /** Skip a file whose exact bytes were already imported completely (daily files re-downloaded). */
  skipIfImported?: boolean;
  onProgress?: (progress: UdiProgress) => void;
}

export type UdiFileOutcome = { kind: 'imported'; run: UdiRun } | { kind: 'skipped'; file: string; reason: 'already_imported' };

/** Devices per transaction: large enough to amortise the commit, small enough to keep readers moving. */
const BATCH_SIZE = 2_000;
const MAX_STORED_REJECTIONS = 200;
const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;

/**
 * Imports NMPA UDI downloads: one XML file, a ZIP of XML parts (nested ZIPs too), or a directory
 * of them (one run per file). Streams everything: memory stays flat whatever the size.
 */
export class UdiImporter {
  constructor(private readonly deps: UdiImporterDeps) {}

  /** A file or every .zip/.xml file of a directory, in name order (daily files by date). */
  async importPath(target: string, options: UdiImportOptions): Promise<UdiFileOutcome[]> {
    const stat = await fs.promises.stat(target);
    if (!stat.isDirectory()) return [await this.importFile(target, options)];
    const names = (await fs.promises.readdir(target)).filter(isUdiFileName).sort(byPartNumber);
    const outcomes: UdiFileOutcome[] = [];
    for (const name of names) outcomes.push(await this.importFile(path.join(target, name), options));
    return outcomes;
  }

  async importFile(file: string, options: UdiImportOptions): Promise<UdiFileOutcome> {
    if (options.skipIfImported) {
      const { size } = await fs.promises.stat(file);
      if (this.deps.runs.probablyImported(path.basename(file), size)) return { kind: 'skipped', file, reason: 'already_imported' };
    }
    const { sha256, sizeBytes } = await fingerprint(file);
    if (options.skipIfImported && this.deps.runs.alreadyImported(sha256)) {
      return { kind: 'skipped', file, reason: 'already_imported' };
    }
    const startedAt = this.deps.clock.now().toISOString();
    const fileName = path.basename(file);
    const runId = this.deps.runs.create({ fileName, sha256, sizeBytes, trigger: options.trigger, startedAt });
    const details: UdiRunDetails = {
      entries: [],
      repairs: { controlCharactersDropped: 0, ampersandsEscaped: 0, invalidReferencesDropped: 0 },
      rejectionsByReason: {},
      rejections: [],
    };
    const totals: UdiRunCounts = { ...EMPTY_UDI_COUNTS };
    const context = {
      runId,
      fileName,
      fetchedAt: startedAt,
      today: this.deps.clock.today(),
      numbers: new NumberCache(this.deps.normalise, this.deps.clock.currentYear()),
      written: new RecentKeys(),
    };
    let declaredTotal: number | null = null;
    const record = (rejections: readonly UdiRejection[]) => {
      for (const r of rejections) {
        details.rejectionsByReason[r.reason] = (details.rejectionsByReason[r.reason] ?? 0) + 1;
        if (details.rejections.length < MAX_STORED_REJECTIONS) details.rejections.push(r);
      }
    };
    // Large files are read by a worker thread while this one writes; small ones are not worth its start-up.
    const events =
      sizeBytes >= (this.deps.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES)
        ? readDevicesInWorker(file, BATCH_SIZE)
        : readDevices(file, BATCH_SIZE);
    try {
      for await (const event of events) {
        if (event.kind === 'entry') {
          details.repairs.controlCharactersDropped += event.repairs.controlCharactersDropped;
          details.repairs.ampersandsEscaped += event.repairs.ampersandsEscaped;
          details.repairs.invalidReferencesDropped += event.repairs.invalidReferencesDropped;
          details.entries.push({ name: event.name, declared: event.declared, read: event.read });
          if (event.declared !== null) declaredTotal = (declaredTotal ?? 0) + event.declared;
          continue;
        }
        const pending: PendingDevice[] = event.devices.map((d) => ({
          entry: event.entry,
          index: d.index,
          record: d.record,
          tooLong: d.tooLong,
        }));
        const outcome = this.deps.batches.write(pending, context);
        addCounts(totals, outcome.counts);
        record(outcome.rejections);
        options.onProgress?.({ file, bytesRead: event.bytesRead, sizeBytes, devicesRead: totals.devicesRead });
      }
      const short = details.entries.filter((e) => e.declared !== null && e.declared !== e.read);
      if (details.entries.length === 0) throw new Error('no XML document found in the file');
      // A header that promises more devices than the body holds means a truncated download.
      const error =
        short.length > 0
          ? `device count differs from the header in ${short.map((e) => `${e.name} (declared ${e.declared}, read ${e.read})`).join('; ')}`
          : undefined;
      this.deps.runs.finish(runId, {
        status: error ? 'failed' : 'completed',
        finishedAt: this.deps.clock.now().toISOString(),
        declaredDevices: declaredTotal,
        details,
        ...(error ? { error } : {}),
      });
    } catch (error) {
      this.deps.runs.finish(runId, {
        status: 'failed',
        finishedAt: this.deps.clock.now().toISOString(),
        declaredDevices: declaredTotal,
        details,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return { kind: 'imported', run: this.deps.runs.get(runId)! };
  }
}

function addCounts(into: UdiRunCounts, add: UdiRunCounts): void {
  for (const key of Object.keys(into) as (keyof UdiRunCounts)[]) into[key] += add[key];
}

/** SHA-256 and size, read in one streaming pass (≈1 GB/s, small next to the import itself). */
async function fingerprint(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}
