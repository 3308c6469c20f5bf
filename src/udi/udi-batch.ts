import type Database from 'better-sqlite3';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { VersionInput } from '../certificates/version-input.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import type { NumberCache, RecentKeys } from '../numbers/number-cache.ts';
import type { UdiDeviceRecord } from './udi-device.ts';
import type { UdiDevicesRepository } from './udi-devices.repository.ts';
import { EMPTY_UDI_COUNTS, type UdiRejection, type UdiRunCounts, type UdiRunsRepository } from './udi-runs.repository.ts';

export interface PendingDevice {
  entry: string;
  /** 1-based position of the device in its XML document. */
  index: number;
  record: UdiDeviceRecord;
  /** The XML tag of a value too long to keep (udi-xml-reader.ts): the device is refused, not stored cut. */
  tooLong?: string | null;
}

interface BatchContext {
  runId: number;
  fileName: string;
  fetchedAt: string;
  today: string;
  numbers: NumberCache;
  /** Certificate facts (number, name, holder) already written in this run: skipped, not rewritten. */
  written: RecentKeys;
}

interface BatchOutcome {
  counts: UdiRunCounts;
  rejections: UdiRejection[];
}

/**
 * Stores one batch of devices in one transaction: each device record (newer versions only), and
 * for each certificate it names a `record` version carrying the product name and holder — never a
 * date, because UDI data has none (docs/certificates.md §5).
 */
export class UdiBatchWriter {
  private readonly transaction: (devices: readonly PendingDevice[], context: BatchContext) => BatchOutcome;

  constructor(
    sqlite: Database.Database,
    private readonly writer: CertificateWriter,
    private readonly devices: UdiDevicesRepository,
    private readonly runs: UdiRunsRepository,
  ) {
    // IMMEDIATE: it reads the devices it then replaces; a deferred transaction would fail, not wait,
    // when another process commits between that read and its first write.
    this.transaction = sqlite.transaction((devices: readonly PendingDevice[], context: BatchContext) =>
      this.writeUnsafe(devices, context),
    ).immediate;
  }

  write(devices: readonly PendingDevice[], context: BatchContext): BatchOutcome {
    return this.transaction(devices, context);
  }

  private writeUnsafe(devices: readonly PendingDevice[], context: BatchContext): BatchOutcome {
    const counts: UdiRunCounts = { ...EMPTY_UDI_COUNTS, devicesRead: devices.length };
    const rejections: UdiRejection[] = [];
    const versions: VersionInput[] = [];
    for (const pending of devices) {
      const { record } = pending;
      const reject = (reason: string, value: string | null) =>
        rejections.push({ entry: pending.entry, device: pending.index, recordKey: record.recordKey, reason, value });
      if (pending.tooLong) {
        counts.devicesRejected++;
        reject('field_too_long', pending.tooLong);
        continue;
      }
      if (!record.recordKey || !record.di) {
        counts.devicesRejected++;
        reject(record.recordKey ? 'missing_di' : 'missing_record_key', record.di ?? record.recordKey);
        continue;
      }
      const numbers = numbersOf(record, context.numbers, reject);
      const change = this.devices.store({
        device: { ...record, recordKey: record.recordKey, di: record.di },
        versionNumber: versionNumber(record.versionNumber),
        numbers,
        sourceFile: pending.entry,
        runId: context.runId,
        at: context.fetchedAt,
      });
      if (change === 'added') counts.devicesAdded++;
      else if (change === 'updated') counts.devicesUpdated++;
      else if (change === 'unchanged') counts.devicesUnchanged++;
      else counts.devicesStale++;
      // A stale record must not bring back a name a newer record replaced.
      if (change === 'stale' || change === 'unchanged') continue;
      for (const number of numbers) {
        const key = `${number.canonical}\u0000${record.productName ?? ''}\u0000${record.holder ?? ''}`;
        if (!context.written.add(key)) continue;
        versions.push({
          number,
          asIssued: numbers.length === 1 && record.numbersText ? record.numbersText : number.canonical,
          documentType: 'record',
          productName: record.productName,
          holder: record.holder,
          provenance: { source: 'udi', sourceRef: pending.entry, sourceRow: pending.index, fetchedAt: context.fetchedAt },
        });
      }
    }
    if (versions.length > 0) {
      const summary = this.writer.write(versions, context.today, { actor: `udi:${context.runId}` });
      counts.versionsAdded = summary.versionsAdded;
      counts.certificatesCreated = summary.certificatesCreated;
    }
    this.runs.addCounts(context.runId, counts);
    return { counts, rejections };
  }
}

/** Every number in zczbhhzbapzbh: the engine splits comma lists and numbers run together. */
function numbersOf(record: UdiDeviceRecord, cache: NumberCache, reject: (reason: string, value: string | null) => void): ParsedNumber[] {
  if (!record.numbersText) {
    reject('missing_number', null);
    return [];
  }
  const result = cache.get(record.numbersText);
  if (result.numbers.length === 0) reject(`number_${result.error?.reason ?? 'unrecognised'}`, record.numbersText);
  return result.numbers;
}

function versionNumber(text: string | null): number {
  const n = text === null ? Number.NaN : Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
