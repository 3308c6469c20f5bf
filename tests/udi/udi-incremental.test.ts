import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import type { UdiFileOutcome } from '../../src/udi/udi-importer.ts';
import { devices, udiFixture, udiServices } from './helpers.ts';

let services: Services;
const dirs: string[] = [];
afterEach(() => {
  services?.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function runOf(outcome: UdiFileOutcome | undefined) {
  if (outcome?.kind !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome.run;
}

function productName(s: Services, canonical: string): string | null {
  const row = s.database.sqlite.prepare('SELECT product_name AS name FROM certificates WHERE canonical = ?').get(canonical) as {
    name: string | null;
  };
  return row.name;
}

describe('daily UDI files', () => {
  it('update earlier records by deviceRecordKey and versionNumber, never with an older version', async () => {
    services = udiServices();
    const importer = services.udiImporter;
    await importer.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const run = runOf((await importer.importPath(udiFixture('UDID_DAY_UPDATE_20240102.xml'), { trigger: 'test' }))[0]);
    expect(run).toMatchObject({
      status: 'completed',
      devicesRead: 4,
      devicesAdded: 1,
      devicesUpdated: 1,
      devicesStale: 1,
      devicesUnchanged: 1,
    });

    const stored = devices(services);
    expect(stored.get('REC-0001')).toMatchObject({
      versionNumber: 2,
      productName: '一次性使用无菌注射器 带针',
      sourceFile: 'UDID_DAY_UPDATE_20240102.xml',
    });
    // The older version of REC-0003 in the daily file did not overwrite the newer one.
    expect(stored.get('REC-0003')).toMatchObject({ versionNumber: 2, productName: '医用电子体温计', modelSpec: 'MT-101' });
    expect(stored.get('REC-0008')?.di).toBe('06941234500073');

    // The renamed product reaches the certificate; the stale name never becomes a version.
    expect(productName(services, '粤械注准20172140123')).toBe('一次性使用无菌注射器 带针');
    const staleNames = services.database.sqlite
      .prepare("SELECT count(*) AS n FROM certificate_versions WHERE product_name = '旧名称体温计'")
      .get() as { n: number };
    expect(staleNames.n).toBe(0);
  });

  it('applied out of order, keep the newest version of each record', async () => {
    services = udiServices();
    const importer = services.udiImporter;
    await importer.importPath(udiFixture('UDID_DAY_UPDATE_20240102.xml'), { trigger: 'test' });
    const run = runOf((await importer.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' }))[0]);
    // REC-0001 (v1 < v2) is stale; REC-0003 (v2 > v1) updates; REC-0005 is the same version.
    expect(run).toMatchObject({ devicesStale: 1, devicesUpdated: 1, devicesUnchanged: 1, devicesAdded: 3 });
    expect(devices(services).get('REC-0001')?.productName).toBe('一次性使用无菌注射器 带针');
  });

  it('imported again add nothing, and a directory import skips files already imported', async () => {
    services = udiServices();
    const importer = services.udiImporter;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-dir-'));
    dirs.push(dir);
    for (const name of ['udi-full-sample.xml', 'UDID_DAY_UPDATE_20240102.xml']) fs.copyFileSync(udiFixture(name), path.join(dir, name));

    const first = await importer.importPath(dir, { trigger: 'test', skipIfImported: true });
    expect(first.map((o) => o.kind)).toEqual(['imported', 'imported']);
    // Name order: the daily file (UDID_…) sorts before the sample here; versions still decide.
    expect(devices(services).get('REC-0001')?.versionNumber).toBe(2);

    const again = await importer.importPath(dir, { trigger: 'test', skipIfImported: true });
    expect(again.map((o) => o.kind)).toEqual(['skipped', 'skipped']);

    const forced = runOf((await importer.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' }))[0]);
    expect(forced).toMatchObject({ devicesAdded: 0, devicesUpdated: 0, versionsAdded: 0, certificatesCreated: 0 });
  });
});

describe('a UDI ZIP', () => {
  it('is read entry by entry, nested ZIPs included, in part order; other entries are ignored', async () => {
    services = udiServices();
    const run = runOf((await services.udiImporter.importPath(udiFixture('UDID_FULL_RELEASE_20240101.zip'), { trigger: 'test' }))[0]);
    expect(run).toMatchObject({ status: 'completed', devicesRead: 6, devicesAdded: 6, certificatesCreated: 6, declaredDevices: 6 });
    expect(run.details?.entries.map((e) => e.name)).toEqual([
      'UDID_FULL_RELEASE_20240101.zip!UDID_FULL_DOWNLOAD_PART1.xml',
      'UDID_FULL_RELEASE_20240101.zip!nested/PART2.zip!UDID_FULL_DOWNLOAD_PART2.xml',
    ]);
    expect(devices(services).get('REC-0004')?.sourceFile).toBe(
      'UDID_FULL_RELEASE_20240101.zip!nested/PART2.zip!UDID_FULL_DOWNLOAD_PART2.xml',
    );
  });
});
