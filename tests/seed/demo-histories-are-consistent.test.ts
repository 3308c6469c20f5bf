import { describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';
import type { VersionInput } from '../../src/certificates/version-input.ts';

const TODAY = '2026-11-25';
const certificates = [...generateDemoCertificates({ count: 15_000 })];

/** Computed independently of the generator: the same calendar day `years` later, minus one. */
function validityEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
const of = (family: string) => certificates.filter((c) => c[0]!.number.family === family);
const isCertificateDocument = (d: VersionInput) => d.documentType !== 'change' && d.documentType !== 'filing_change';

/** Problems found in one certificate's history; an empty list when it is consistent. */
function registrationProblems(docs: VersionInput[], years: number): string[] {
  const problems: string[] = [];
  let expiry: string | null = null;
  let previousApproval = '';
  for (const doc of docs) {
    const approval = doc.approvalDate!;
    if (approval > TODAY) problems.push(`${approval} after today`);
    if (approval < previousApproval) problems.push('documents out of order');
    previousApproval = approval;
    if (doc.documentType === 'registration') {
      if (doc.expiryDate !== validityEnd(approval, years)) problems.push(`expiry ${doc.expiryDate} for approval ${approval}`);
      const printed = years === 5 && approval >= '2022-01-01' ? approval : null;
      if ((doc.effectiveDate ?? null) !== printed) problems.push(`生效日期 ${doc.effectiveDate} on a ${approval} registration`);
    } else if (doc.documentType === 'renewal') {
      const start = expiry && approval <= expiry ? nextDay(expiry) : approval;
      if (expiry === null && !doc.effectiveDate) problems.push('a re-coded renewal without 生效日期');
      if (expiry !== null && doc.expiryDate !== validityEnd(start, 5)) problems.push(`renewal expiry ${doc.expiryDate}, start ${start}`);
      // A re-coded renewal starts its number's history: its printed 生效日期 is all there is to check.
      const printed = approval < '2022-01-01' ? null : expiry === null ? doc.effectiveDate : start;
      if ((doc.effectiveDate ?? null) !== printed) problems.push(`renewal 生效日期 ${doc.effectiveDate}, approved ${approval}`);
    } else if (doc.documentType === 'change') {
      if (doc.expiryDate !== expiry) problems.push(`change keeps expiry ${expiry}, has ${doc.expiryDate}`);
      if (!/由“.+”变更为“.+”/.test(doc.changeDescription ?? '')) problems.push(`change says ${doc.changeDescription}`);
      if (expiry !== null && approval > expiry) problems.push('change after expiry');
    } else {
      problems.push(`${doc.documentType} in a registration`);
    }
    if (isCertificateDocument(doc)) expiry = doc.expiryDate ?? null;
  }
  return problems;
}

describe('demo histories', () => {
  it('registrations: expiry = approval + 5 years − 1 day, 生效日期 printed from 2022, changes keep the expiry', () => {
    const broken = of('registration').map((docs) => [docs[0]!.number.canonical, registrationProblems(docs, 5)] as const);
    expect(broken.filter(([, problems]) => problems.length > 0)).toEqual([]);
  });

  it('renewals approved before the old expiry take effect the day after it; late ones on approval', () => {
    const renewals = of('registration').flatMap((docs) =>
      docs.flatMap((doc, i) => {
        if (doc.documentType !== 'renewal' || !doc.effectiveDate) return [];
        const previous = docs.slice(0, i).filter(isCertificateDocument).at(-1);
        return previous ? [{ doc, previousExpiry: previous.expiryDate! }] : [];
      }),
    );
    const early = renewals.filter((r) => r.doc.approvalDate! <= r.previousExpiry);
    const late = renewals.filter((r) => r.doc.approvalDate! > r.previousExpiry);
    expect(early.length).toBeGreaterThan(100);
    expect(late.length).toBeGreaterThan(5);
    expect(early.filter((r) => r.doc.effectiveDate !== nextDay(r.previousExpiry))).toEqual([]);
    expect(late.filter((r) => r.doc.effectiveDate !== r.doc.approvalDate)).toEqual([]);
  });

  it('registration numbers carry the year of the first registration and the catalogue of its day', () => {
    const wrong = of('registration')
      .filter((docs) => docs[0]!.documentType === 'registration')
      .filter((docs) => {
        const { number, approvalDate } = docs[0]!;
        const catalogue = approvalDate! < '2018-08-01' ? '2002' : '2017';
        const readsInCatalogue = number.code === '40' || number.catalogue.some((r) => r.catalogue === catalogue);
        return number.year !== Number(approvalDate!.slice(0, 4)) || !readsInCatalogue;
      });
    expect(wrong.map((docs) => docs[0]!.number.canonical)).toEqual([]);
  });

  it('legacy certificates were valid four years and are all expired', () => {
    const legacy = [...of('legacy2004'), ...of('legacy2000')];
    expect(legacy.flatMap((docs) => registrationProblems(docs, 4))).toEqual([]);
    expect(legacy.filter((docs) => docs[0]!.expiryDate! >= TODAY)).toEqual([]);
    expect(legacy.filter((docs) => docs[0]!.number.year !== Number(docs[0]!.approvalDate!.slice(0, 4)))).toEqual([]);
  });

  it('filings have no expiry, and their changes are filing changes', () => {
    const filings = of('filing');
    expect(filings.flat().filter((d) => d.expiryDate !== null && d.expiryDate !== undefined)).toEqual([]);
    expect(filings.filter((docs) => docs[0]!.documentType !== 'filing')).toEqual([]);
    expect(filings.flatMap((docs) => docs.slice(1)).filter((d) => d.documentType !== 'filing_change')).toEqual([]);
    expect(filings.filter((docs) => docs.length > 1).length).toBeGreaterThan(filings.length / 5);
  });

  it('has expired certificates, renamed products and imported ones', () => {
    const registrations = of('registration');
    const expired = registrations.filter((docs) => docs.filter(isCertificateDocument).at(-1)!.expiryDate! < TODAY);
    expect(expired.length).toBeGreaterThan(registrations.length / 20);
    expect(certificates.flat().filter((d) => d.changeDescription?.startsWith('产品名称由')).length).toBeGreaterThan(100);
    expect(registrations.filter((docs) => docs[0]!.number.origin === 'imported' && docs[0]!.agentName).length).toBeGreaterThan(500);
  });

  it('links legacy numbers to the certificates that replaced them', () => {
    const seen = new Map<string, VersionInput[]>();
    const links: { from: VersionInput[]; to: VersionInput[] }[] = [];
    for (const docs of certificates) {
      for (const previous of docs.flatMap((d) => d.previousNumbers ?? [])) {
        const from = seen.get(previous.canonical);
        expect(from, `${previous.canonical} precedes ${docs[0]!.number.canonical}`).toBeDefined();
        if (from) links.push({ from, to: docs });
      }
      seen.set(docs[0]!.number.canonical, docs);
    }
    const kinds = new Set(links.map((l) => `${l.from[0]!.number.family}→${l.to[0]!.number.family}`));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['legacy2004→registration', 'legacy2000→legacy2004', 'legacy2004→legacy2004', 'registration→registration']),
    );
    expect(
      links.filter((l) => l.from[0]!.number.family === 'legacy2004' && l.to[0]!.number.family === 'registration').length,
    ).toBeGreaterThan(300);
    // The replacement comes after the last document of the replaced certificate.
    expect(links.filter((l) => l.to[0]!.approvalDate! < l.from.at(-1)!.approvalDate!)).toEqual([]);
  });
});
