import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { CertificateWriter } from '../../src/certificates/certificate-writer.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';

let handle: DatabaseHandle | null = null;
afterEach(() => {
  handle?.close();
  handle = null;
});

function count(table: string, where = '1 = 1'): number {
  return (handle!.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

describe('loadDemoData', () => {
  it('stores 2,000 certificates with all their documents and links, in batches', () => {
    handle = openDatabase(':memory:');
    const generated = [...generateDemoCertificates({ count: 2_000 })].flat();
    const progress: number[] = [];
    const result = loadDemoData(new CertificateWriter(handle.sqlite), {
      count: 2_000,
      today: '2026-11-25',
      batchSize: 500,
      onProgress: (loaded) => progress.push(loaded),
    });

    expect(result).toMatchObject({
      certificates: 2_000,
      certificatesCreated: 2_000,
      documents: generated.length,
      versionsAdded: generated.length,
      links: generated.reduce((n, d) => n + (d.previousNumbers?.length ?? 0), 0),
    });
    expect(progress).toEqual([500, 1_000, 1_500, 2_000]);
    expect(count('certificates')).toBe(2_000);
    expect(count('certificate_versions')).toBe(generated.length);
    expect(count('certificate_versions', "source = 'demo'")).toBe(generated.length);
    expect(count('certificate_links')).toBe(result.links);
    expect(result.links).toBeGreaterThan(100);
    // Every certificate has a document in effect, so the summary columns are filled.
    expect(count('certificates', 'current_version_id IS NULL OR product_name IS NULL OR approval_date IS NULL')).toBe(0);
    expect(count('certificates', "family = 'filing' AND expiry_date IS NOT NULL")).toBe(0);
    expect(count('certificates', "family <> 'filing' AND expiry_date < '2026-11-25'")).toBeGreaterThan(400);
  });

  it('adds nothing when the same demo data is loaded again', () => {
    handle = openDatabase(':memory:');
    const writer = new CertificateWriter(handle.sqlite);
    const first = loadDemoData(writer, { count: 300, today: '2026-11-25' });
    const second = loadDemoData(writer, { count: 300, today: '2026-11-25' });
    expect(second.versionsAdded).toBe(0);
    expect(second.certificatesCreated).toBe(0);
    expect(count('certificate_versions')).toBe(first.versionsAdded);
  });
});
