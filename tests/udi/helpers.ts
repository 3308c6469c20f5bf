import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppConfig, testConfig } from '../../src/config/config.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import { UdiBatchWriter } from '../../src/udi/udi-batch.ts';
import { UdiImporter } from '../../src/udi/udi-importer.ts';

export const UDI_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/udi');

export function udiFixture(name: string): string {
  return path.join(UDI_FIXTURES, name);
}

/** Services on a fresh in-memory database, the clock fixed to a day in Shanghai. */
export function udiServices(today = '2026-11-25', config: Partial<AppConfig> = {}): Services {
  const fixed = new Date(`${today}T04:00:00Z`);
  return createServices(testConfig({ ...config }), { now: () => fixed });
}

export interface DeviceRow {
  di: string;
  productName: string | null;
  versionNumber: number;
  modelSpec: string | null;
  sourceFile: string;
}

export function devices(services: Services): Map<string, DeviceRow> {
  const rows = services.database.sqlite
    .prepare(
      'SELECT record_key AS recordKey, di, product_name AS productName, version_number AS versionNumber, model_spec AS modelSpec, source_file AS sourceFile FROM udi_devices',
    )
    .all() as (DeviceRow & { recordKey: string })[];
  return new Map(rows.map((r) => [r.recordKey, r]));
}

/**
 * For the probes that run in a child process: services on a file database in `dir`, and a UDI
 * importer over them that reads in a worker thread from `workerThresholdBytes` on.
 */
export function probeImporter(dir: string, workerThresholdBytes: number): { services: Services; importer: UdiImporter } {
  const services = createServices(testConfig({ databasePath: path.join(dir, 'udi.db') }));
  const { udiDevices, udiRuns } = services;
  const importer = new UdiImporter({
    batches: new UdiBatchWriter(services.database.sqlite, services.writer, udiDevices, udiRuns),
    runs: udiRuns,
    normalise,
    clock: services.clock,
    workerThresholdBytes,
  });
  return { services, importer };
}
