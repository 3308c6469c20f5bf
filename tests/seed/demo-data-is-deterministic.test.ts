import { describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';

const serialise = (count: number, seed?: number): string =>
  JSON.stringify([...generateDemoCertificates({ count, ...(seed === undefined ? {} : { seed }) })]);

describe('demo data is deterministic', () => {
  it('gives byte-identical output for the same count and seed', () => {
    expect(serialise(3_000)).toBe(serialise(3_000));
    expect(serialise(500, 7)).toBe(serialise(500, 7));
  });

  it('gives other data for another seed', () => {
    expect(serialise(200, 1)).not.toBe(serialise(200, 2));
  });

  it('yields exactly count certificates, each one number', () => {
    const certificates = [...generateDemoCertificates({ count: 1_234 })];
    expect(certificates).toHaveLength(1_234);
    for (const documents of certificates) {
      expect(documents.length).toBeGreaterThan(0);
      expect(new Set(documents.map((d) => d.number.canonical)).size).toBe(1);
    }
  });

  it('marks every document as demo data with a fixed fetch time', () => {
    for (const documents of generateDemoCertificates({ count: 200 })) {
      for (const doc of documents) {
        expect(doc.provenance).toEqual({ source: 'demo', sourceRef: 'seed/demo-data.ts', fetchedAt: '2026-11-25T00:00:00.000Z' });
      }
    }
  });
});
