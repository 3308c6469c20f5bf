import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services.ts';
import { devices, udiFixture, udiServices } from './helpers.ts';

let services: Services;
afterEach(() => services?.close());

interface CertificateRow {
  canonical: string;
  productName: string | null;
  holder: string | null;
  approvalDate: string | null;
  expiryDate: string | null;
  datesKnown: number;
}

function certificates(s: Services): Map<string, CertificateRow> {
  const rows = s.database.sqlite
    .prepare(`SELECT canonical, product_name AS productName, holder, approval_date AS approvalDate, expiry_date AS expiryDate,
      dates_known AS datesKnown FROM certificates`)
    .all() as CertificateRow[];
  return new Map(rows.map((r) => [r.canonical, r]));
}

describe('importing a UDI XML file', () => {
  it('stores each device, and each certificate it names with its name and holder but no dates', async () => {
    services = udiServices();
    const [outcome] = await services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    expect(outcome?.kind).toBe('imported');
    const run = outcome!.kind === 'imported' ? outcome!.run : null;
    expect(run).toMatchObject({
      status: 'completed',
      declaredDevices: 7,
      devicesRead: 7,
      devicesAdded: 6,
      devicesRejected: 1,
      certificatesCreated: 6,
      // Two DIs of one certificate with the same name and holder make one version, not two.
      versionsAdded: 6,
      error: null,
    });

    const stored = certificates(services);
    expect([...stored.keys()].sort()).toEqual(
      [
        '国械注准20153661234',
        '国械注准20183141567',
        '粤械注准20172140123',
        '粤穗械备20180539',
        '苏械注准20152021027',
        '苏械注准20162220838',
      ].sort(),
    );
    for (const certificate of stored.values()) {
      expect(certificate).toMatchObject({ approvalDate: null, expiryDate: null, datesKnown: 0 });
    }
    expect(stored.get('粤械注准20172140123')).toMatchObject({ productName: '一次性使用无菌注射器', holder: '广州市康宁医疗器械有限公司' });

    const versions = services.database.sqlite
      .prepare(
        'SELECT document_type AS type, source, source_ref AS ref, approval_date AS a, effective_date AS e, expiry_date AS x FROM certificate_versions',
      )
      .all() as { type: string; source: string; ref: string; a: null; e: null; x: null }[];
    expect(versions).toHaveLength(6);
    for (const v of versions) expect(v).toEqual({ type: 'record', source: 'udi', ref: 'udi-full-sample.xml', a: null, e: null, x: null });
  });

  it('splits zczbhhzbapzbh holding several numbers, comma-separated or run together', async () => {
    services = udiServices();
    await services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const links = services.database.sqlite
      .prepare('SELECT record_key AS key, canonical FROM udi_device_certificates ORDER BY record_key, canonical')
      .all() as { key: string; canonical: string }[];
    const byKey = (key: string) => links.filter((l) => l.key === key).map((l) => l.canonical);
    expect(byKey('REC-0003')).toEqual(['国械注准20153661234', '国械注准20183141567']);
    expect(byKey('REC-0004')).toEqual(['苏械注准20152021027', '苏械注准20162220838']);
    expect(byKey('REC-0005')).toEqual(['粤穗械备20180539']);
    // No usable number: the device is kept, without a certificate.
    expect(byKey('REC-0006')).toEqual([]);
    expect(devices(services).get('REC-0006')?.di).toBe('06941234500066');
  });

  it('survives control characters and bare & in text, and records what it repaired and refused', async () => {
    services = udiServices();
    const [outcome] = await services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const run = outcome!.kind === 'imported' ? outcome!.run : null;
    expect(run?.details?.repairs).toEqual({ controlCharactersDropped: 2, ampersandsEscaped: 1, invalidReferencesDropped: 0 });
    expect(run?.details?.rejectionsByReason).toMatchObject({ missing_di: 1 });
    const numberReasons = Object.keys(run?.details?.rejectionsByReason ?? {}).filter((r) => r.startsWith('number_'));
    expect(numberReasons).toHaveLength(1);
    expect(run?.details?.rejections).toContainEqual(
      expect.objectContaining({ entry: 'udi-full-sample.xml', device: 7, recordKey: 'REC-0007', reason: 'missing_di' }),
    );
  });

  it('fails a truncated file loudly (header count not met) but keeps what it read', async () => {
    services = udiServices();
    const [outcome] = await services.udiImporter.importPath(udiFixture('udi-truncated.xml'), { trigger: 'test' });
    const run = outcome!.kind === 'imported' ? outcome!.run : null;
    expect(run?.status).toBe('failed');
    expect(run?.error).toContain('declared 5, read 2');
    expect(devices(services).size).toBe(2);
  });

  it('fails a file that is not well-formed XML even after repair, with the parser position', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-bad-'));
    const file = path.join(dir, 'broken.xml');
    fs.writeFileSync(file, '<?xml version="1.0"?><udid><devices><device><zxxsdycpbs>1</device></devices></udid>');
    services = udiServices();
    const [outcome] = await services.udiImporter.importPath(file, { trigger: 'test' });
    const run = outcome!.kind === 'imported' ? outcome!.run : null;
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/1:\d+/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
