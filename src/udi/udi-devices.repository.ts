import type Database from 'better-sqlite3';
import type { ParsedNumber } from '../numbers/number.types.ts';
import type { udiDevices } from './udi.table.ts';
import type { UdiDeviceRecord } from './udi-device.ts';

type DeviceChange = 'added' | 'updated' | 'unchanged' | 'stale';

/** A device record as lookups read it (`COLUMNS` below): every column but the run that stored it. */
type StoredDevice = Omit<typeof udiDevices.$inferSelect, 'udiRunId'>;

const COLUMNS = `d.record_key AS recordKey, d.di AS di, d.version_number AS versionNumber, d.version_time AS versionTime,
  d.version_status AS versionStatus, d.numbers_text AS numbersText, d.product_name AS productName,
  d.trade_name AS tradeName, d.model_spec AS modelSpec, d.holder AS holder, d.credit_code AS creditCode,
  d.device_kind AS deviceKind, d.product_category AS productCategory, d.catalogue_code AS catalogueCode,
  d.old_catalogue_code AS oldCatalogueCode, d.withdrawn_on AS withdrawnOn, d.source_file AS sourceFile,
  d.updated_at AS updatedAt`;

interface CertificateUdiSummary {
  productNames: string[];
  holders: string[];
  deviceKinds: string[];
  catalogueCodes: string[];
  oldCatalogueCodes: string[];
  lastUpdatedAt: string | null;
}

type SummaryRow = Pick<
  typeof udiDevices.$inferSelect,
  'productName' | 'holder' | 'deviceKind' | 'catalogueCode' | 'oldCatalogueCode' | 'updatedAt'
>;

/** A device record with its number already validated, ready to store. */
interface DeviceToStore {
  device: UdiDeviceRecord & { recordKey: string; di: string };
  versionNumber: number;
  numbers: readonly ParsedNumber[];
  sourceFile: string;
  runId: number;
  at: string;
}

/**
 * udi_devices and the certificates each names. Writes run inside the importer's batch
 * transaction; every statement is prepared once because a full release is millions of rows.
 */
export class UdiDevicesRepository {
  private readonly versionOf: Database.Statement<[string], { versionNumber: number; versionTime: string | null }>;
  private readonly insertNew: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly dropLinks: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly byMatchKey: Database.Statement<[string, number], StoredDevice>;
  private readonly countByMatchKey: Database.Statement<[string], { n: number }>;
  private readonly byDi: Database.Statement<[string], StoredDevice>;
  private readonly certificatesOf: Database.Statement<[string], { canonical: string }>;
  private readonly summaryRows: Database.Statement<[string], SummaryRow>;

  constructor(private readonly sqlite: Database.Database) {
    this.versionOf = sqlite.prepare(
      'SELECT version_number AS versionNumber, version_time AS versionTime FROM udi_devices WHERE record_key = ?',
    );
    const insert = `INSERT INTO udi_devices (record_key, di, version_number, version_time, version_status, numbers_text, product_name,
        trade_name, model_spec, holder, credit_code, device_kind, product_category, catalogue_code, old_catalogue_code,
        withdrawn_on, source_file, udi_run_id, updated_at)
      VALUES (@recordKey, @di, @versionNumber, @versionTime, @versionStatus, @numbersText, @productName, @tradeName,
        @modelSpec, @holder, @creditCode, @deviceKind, @productCategory, @catalogueCode, @oldCatalogueCode,
        @withdrawnOn, @sourceFile, @runId, @at)`;
    this.insertNew = sqlite.prepare(`${insert} ON CONFLICT (record_key) DO NOTHING`);
    this.upsert = sqlite.prepare(`${insert}
      ON CONFLICT (record_key) DO UPDATE SET di = excluded.di, version_number = excluded.version_number,
        version_time = excluded.version_time, version_status = excluded.version_status,
        numbers_text = excluded.numbers_text, product_name = excluded.product_name, trade_name = excluded.trade_name,
        model_spec = excluded.model_spec, holder = excluded.holder, credit_code = excluded.credit_code,
        device_kind = excluded.device_kind, product_category = excluded.product_category,
        catalogue_code = excluded.catalogue_code, old_catalogue_code = excluded.old_catalogue_code,
        withdrawn_on = excluded.withdrawn_on, source_file = excluded.source_file, udi_run_id = excluded.udi_run_id,
        updated_at = excluded.updated_at`);
    this.dropLinks = sqlite.prepare('DELETE FROM udi_device_certificates WHERE record_key = ?');
    this.insertLink = sqlite.prepare('INSERT OR IGNORE INTO udi_device_certificates (record_key, match_key, canonical) VALUES (?, ?, ?)');
    this.byMatchKey = sqlite.prepare(`
      SELECT ${COLUMNS} FROM udi_device_certificates l JOIN udi_devices d ON d.record_key = l.record_key
      WHERE l.match_key = ? ORDER BY d.di, d.record_key LIMIT ?`);
    this.countByMatchKey = sqlite.prepare('SELECT count(*) AS n FROM udi_device_certificates WHERE match_key = ?');
    this.byDi = sqlite.prepare(`SELECT ${COLUMNS} FROM udi_devices d WHERE d.di = ? ORDER BY d.version_number DESC`);
    this.summaryRows = sqlite.prepare(`
      SELECT d.product_name AS productName, d.holder AS holder, d.device_kind AS deviceKind,
        d.catalogue_code AS catalogueCode, d.old_catalogue_code AS oldCatalogueCode, d.updated_at AS updatedAt
      FROM udi_device_certificates l JOIN udi_devices d ON d.record_key = l.record_key WHERE l.match_key = ?`);
    this.certificatesOf = sqlite.prepare('SELECT canonical FROM udi_device_certificates WHERE record_key = ? ORDER BY canonical');
  }

  /**
   * Stores a device unless a newer version of the same record is already there: daily files may
   * arrive late or twice, and an older version must never overwrite a newer one.
   */
  store(input: DeviceToStore): DeviceChange {
    const { device } = input;
    const row = { ...device, versionNumber: input.versionNumber, sourceFile: input.sourceFile, runId: input.runId, at: input.at };
    // A full release is mostly new records: try the insert first, compare versions only on conflict.
    let change: DeviceChange = 'added';
    if (this.insertNew.run(row).changes === 0) {
      change = compareVersions(input.versionNumber, device.versionTime, this.versionOf.get(device.recordKey)!);
      if (change === 'unchanged' || change === 'stale') return change;
      this.upsert.run(row);
      this.dropLinks.run(device.recordKey);
    }
    for (const number of input.numbers) this.insertLink.run(device.recordKey, number.matchKey, number.canonical);
    return change;
  }

  devicesOf(matchKey: string, limit: number): { total: number; devices: StoredDevice[] } {
    return { total: this.countByMatchKey.get(matchKey)?.n ?? 0, devices: this.byMatchKey.all(matchKey, limit) };
  }

  /** Every record published for a DI (normally one), with the certificates it names. */
  byDeviceIdentifier(di: string): (StoredDevice & { certificates: string[] })[] {
    return this.byDi.all(di).map((d) => ({ ...d, certificates: this.certificatesOf.all(d.recordKey).map((r) => r.canonical) }));
  }

  /** What a certificate's devices say, each value most frequent first (names vary by model). */
  summaryOf(matchKey: string): CertificateUdiSummary {
    const rows = this.summaryRows.all(matchKey);
    const list = (pick: (row: SummaryRow) => string | null) => byFrequency(rows.map(pick));
    return {
      productNames: list((r) => r.productName),
      holders: list((r) => r.holder),
      deviceKinds: list((r) => r.deviceKind),
      catalogueCodes: list((r) => r.catalogueCode),
      oldCatalogueCodes: list((r) => r.oldCatalogueCode),
      lastUpdatedAt: rows.reduce<string | null>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), null),
    };
  }

  count(): number {
    return (this.sqlite.prepare('SELECT count(*) AS n FROM udi_devices').get() as { n: number }).n;
  }
}

function compareVersions(
  versionNumber: number,
  versionTime: string | null,
  stored: { versionNumber: number; versionTime: string | null },
): DeviceChange {
  if (versionNumber !== stored.versionNumber) return versionNumber > stored.versionNumber ? 'updated' : 'stale';
  const [a, b] = [versionTime ?? '', stored.versionTime ?? ''];
  if (a === b) return 'unchanged';
  return a > b ? 'updated' : 'stale';
}

function byFrequency(values: readonly (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
