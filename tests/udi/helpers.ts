import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppConfig, testConfig } from '../../src/config/config.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';

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
