import { describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';
import { normalise } from '../../src/numbers/normalise.ts';

const certificates = [...generateDemoCertificates({ count: 20_000 })];
const documents = certificates.flat();

describe('demo numbers', () => {
  it('normalise to a canonical that normalises to itself', () => {
    const moved = documents.filter((doc) => {
      const again = normalise(doc.number.canonical, { currentYear: 2026 });
      return (
        again.numbers.length !== 1 ||
        again.numbers[0]?.canonical !== doc.number.canonical ||
        again.numbers[0].matchKey !== doc.number.matchKey
      );
    });
    expect(moved.map((d) => d.number.canonical)).toEqual([]);
  });

  it('read as printed give the same certificate (号, full-width brackets, （更）)', () => {
    const misread = documents.filter(
      (doc) => normalise(doc.asIssued, { currentYear: 2026 }).numbers[0]?.canonical !== doc.number.canonical,
    );
    expect(misread.map((d) => d.asIssued)).toEqual([]);
  });

  it('carry no warnings: every catalogue code is a known one', () => {
    expect(documents.filter((d) => d.number.warnings.length > 0)).toEqual([]);
  });

  it('are unique across the dataset, also by match key', () => {
    const canonicals = new Set(certificates.map((c) => c[0]?.number.canonical));
    const matchKeys = new Set(certificates.map((c) => c[0]?.number.matchKey));
    expect(canonicals.size).toBe(certificates.length);
    expect(matchKeys.size).toBe(certificates.length);
  });

  it('print the forms seen in real material', () => {
    const printed = documents.map((d) => d.asIssued);
    expect(printed.some((p) => /^粤[穗深佛莞珠中惠]械备\d{8}号$/.test(p))).toBe(true); // 2014–2021 filings
    expect(printed.some((p) => /^粤[穗深佛莞珠中惠]械备\d{8}$/.test(p))).toBe(true); // from 2022
    expect(printed.some((p) => /械备\d{8}(号)?（更）$/.test(p))).toBe(true);
    expect(printed.some((p) => /^国食药监械（进）字20\d\d第\d{7}号$/.test(p))).toBe(true);
    expect(printed.some((p) => /^粤食药监械（准）字20\d\d第2\d{6}号$/.test(p))).toBe(true);
    expect(printed.some((p) => /^国药管械（准）字200\d第3\d{6}号$/.test(p))).toBe(true);
  });
});
