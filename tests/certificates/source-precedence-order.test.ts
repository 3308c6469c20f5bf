import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorityWithoutConfig, type DatedFacts, SourcePrecedence, withoutOutranked } from '../../src/certificates/source-precedence.ts';
import type { VersionInput } from '../../src/certificates/version-input.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

/**
 * docs/certificates.md §5: a date from the certificate outranks an announcement's, which outranks a
 * manufacturer's claim — whichever of two contradicting versions of one document arrived first.
 * The outranked version stays stored (provenance) but is never the one in effect.
 */

const NUMBER = '粤械注准20232140777';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp({ today: '2026-11-25' });
});
afterEach(() => ctx.close());

type Document = Omit<VersionInput, 'number' | 'asIssued' | 'provenance'>;

/** Stores one batch through the real write path: each document with its source. */
function storeBatch(documents: [source: string, fields: Document][]): void {
  const number = normalise(NUMBER, { currentYear: 2026 }).numbers[0]!;
  ctx.services.writer.write(
    documents.map(([source, fields], index) => ({
      ...fields,
      number,
      asIssued: NUMBER,
      provenance: { source, sourceRef: `${source}.ref`, sourceRow: index + 1, fetchedAt: '2026-11-01T00:00:00.000Z' },
    })),
    ctx.services.today(),
    { actor: 'test' },
  );
}

const store = (source: string, ...documents: Document[]) => storeBatch(documents.map((fields) => [source, fields]));

/** The manufacturer's bulk file claims a later approval date for the same certificate (same expiry). */
const claimed: Document = {
  documentType: 'registration',
  approvalDate: '2023-04-18',
  expiryDate: '2028-04-09',
  productName: '医用外科口罩',
  holder: '广州甲医疗器械有限公司',
};
/** The certificate itself, as a technician copied it from the scan. */
const printed: Document = {
  documentType: 'registration',
  approvalDate: '2023-04-10',
  effectiveDate: '2023-04-10',
  expiryDate: '2028-04-09',
  productName: '医用外科口罩',
  holder: '广州甲医疗器械有限公司',
};

async function autofill() {
  const response = await ctx.app.inject({ method: 'GET', url: `/v1/autofill?number=${encodeURIComponent(NUMBER)}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function view() {
  const response = await ctx.app.inject({ method: 'GET', url: `/v1/certificates/${encodeURIComponent(NUMBER)}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

function summaryColumns() {
  return ctx.services.database.sqlite
    .prepare(
      'SELECT approval_date AS approvalDate, effective_date AS effectiveDate, expiry_date AS expiryDate, current_version_id AS currentVersionId FROM certificates',
    )
    .all();
}

interface ViewVersion {
  id: number;
  inEffect: boolean;
  outrankedBy: number | null;
  effectiveFrom: string | null;
  provenance: { source: string };
}
const bySource = (versions: ViewVersion[], source: string) => versions.find((v) => v.provenance.source === source)!;

/** What every order must answer: the certificate's dates, with the claim listed but set aside. */
async function expectCorrectionInEffect() {
  expect(await autofill()).toMatchObject({
    approvalDate: '2023-04-10',
    effectiveDate: '2023-04-10',
    effectiveDateSource: 'certificate',
    expiryDate: '2028-04-09',
    datesKnown: true,
    basedOn: { source: 'correction', documentType: 'registration' },
  });

  const certificate = await view();
  const versions: ViewVersion[] = certificate.versions;
  expect(versions).toHaveLength(2);
  const correction = bySource(versions, 'correction');
  const claim = bySource(versions, 'import');
  expect(certificate.current).toMatchObject({
    approvalDate: '2023-04-10',
    effectiveDate: '2023-04-10',
    expiryDate: '2028-04-09',
    versionId: correction.id,
  });
  expect(correction).toMatchObject({ inEffect: true, outrankedBy: null, effectiveFrom: '2023-04-10' });
  expect(claim).toMatchObject({ inEffect: false, outrankedBy: correction.id, effectiveFrom: null, approvalDate: '2023-04-18' });

  expect(summaryColumns()).toEqual([
    { approvalDate: '2023-04-10', effectiveDate: '2023-04-10', expiryDate: '2028-04-09', currentVersionId: correction.id },
  ]);
}

describe('a better source wins whichever version arrived first (docs/certificates.md §5)', () => {
  it('bulk import, then a contradicting correction: the correction is in effect, both are listed', async () => {
    store('import', claimed);
    // Before the correction, the claim is all there is.
    expect(await autofill()).toMatchObject({ approvalDate: '2023-04-18', basedOn: { source: 'import' } });

    store('correction', printed);
    await expectCorrectionInEffect();
  });

  it('correction, then a contradicting bulk import: the same answer', async () => {
    store('correction', printed);
    store('import', claimed);
    await expectCorrectionInEffect();
  });

  it.each([
    [
      'import first',
      [
        ['import', claimed],
        ['correction', printed],
      ],
    ],
    [
      'correction first',
      [
        ['correction', printed],
        ['import', claimed],
      ],
    ],
  ] as [string, [string, Document][]][])('both in one batch, %s: the same answer', async (_order, batch) => {
    storeBatch(batch);
    await expectCorrectionInEffect();
  });

  it('an html page stored after a contradicting bulk import wins over the import', async () => {
    store('import', claimed);
    store('html:datasearch', printed);
    expect(await autofill()).toMatchObject({
      approvalDate: '2023-04-10',
      expiryDate: '2028-04-09',
      basedOn: { source: 'html:datasearch' },
    });
    const versions: ViewVersion[] = (await view()).versions;
    expect(bySource(versions, 'import')).toMatchObject({ inEffect: false, outrankedBy: bySource(versions, 'html:datasearch').id });
  });
});

describe('with the shapes the sources file declares (config/sources.json)', () => {
  it('a correction outranks an announcement page stored before it', async () => {
    store('html:gdmpa-class2-registrations', claimed);
    store('correction', printed);
    expect(await autofill()).toMatchObject({ approvalDate: '2023-04-10', basedOn: { source: 'correction' } });
    const versions: ViewVersion[] = (await view()).versions;
    expect(bySource(versions, 'html:gdmpa-class2-registrations')).toMatchObject({
      inEffect: false,
      outrankedBy: bySource(versions, 'correction').id,
    });
    expect(summaryColumns()).toMatchObject([{ approvalDate: '2023-04-10', currentVersionId: bySource(versions, 'correction').id }]);
  });

  it('a detail page outranks an announcement page stored before it', async () => {
    store('html:gdmpa-class2-registrations', claimed);
    store('html:nmpa-datasearch', printed);
    expect(await autofill()).toMatchObject({ approvalDate: '2023-04-10', basedOn: { source: 'html:nmpa-datasearch' } });
  });
});

describe('what precedence leaves alone', () => {
  it('two contradicting versions of the same rank: the latest approval wins, as before', async () => {
    store('import', printed);
    store('demo', claimed);
    expect(await autofill()).toMatchObject({ approvalDate: '2023-04-18', basedOn: { source: 'demo' } });
    const versions: ViewVersion[] = (await view()).versions;
    expect(versions.map((v) => v.outrankedBy)).toEqual([null, null]);
    expect(bySource(versions, 'demo').inEffect).toBe(true);
    expect(summaryColumns()).toMatchObject([{ approvalDate: '2023-04-18', currentVersionId: bySource(versions, 'demo').id }]);
  });

  it('an html source the sources file does not declare ranks as an announcement: a correction outranks it', async () => {
    store('correction', printed);
    store('html:somewhere', claimed);
    expect(await autofill()).toMatchObject({ approvalDate: '2023-04-10', basedOn: { source: 'correction' } });
  });

  it('a lower-ranked change document that contradicts nothing still counts', async () => {
    store('correction', printed);
    store('import', {
      documentType: 'change',
      approvalDate: '2025-02-01',
      productName: '一次性使用医用外科口罩',
      changeDescription: '产品名称变更',
    });
    expect(await autofill()).toMatchObject({
      approvalDate: '2025-02-01',
      expiryDate: '2028-04-09',
      effectiveDate: '2023-04-10',
      productName: '一次性使用医用外科口罩',
      basedOn: { source: 'import', documentType: 'change' },
    });
    const versions: ViewVersion[] = (await view()).versions;
    expect(versions.map((v) => [v.provenance.source, v.inEffect, v.outrankedBy])).toEqual([
      ['import', true, null],
      ['correction', true, null],
    ]);
    expect(summaryColumns()).toMatchObject([{ approvalDate: '2025-02-01', expiryDate: '2028-04-09' }]);
  });

  it('a lower-ranked version of another document (no shared date) is not outranked', async () => {
    store('correction', printed);
    store('import', { documentType: 'renewal', approvalDate: '2028-03-01', expiryDate: '2033-04-09' });
    const versions: ViewVersion[] = (await view()).versions;
    expect(versions.map((v) => v.outrankedBy)).toEqual([null, null]);
  });
});

describe('withoutOutranked', () => {
  const facts = (source: string, approvalDate: string, expiryDate: string): DatedFacts => ({
    documentType: 'registration',
    approvalDate,
    effectiveDate: null,
    expiryDate,
    source,
  });

  it('returns the same array when nothing is outranked', () => {
    const versions = [facts('import', '2023-04-10', '2028-04-09'), facts('import', '2023-04-18', '2028-04-09')];
    expect(withoutOutranked(versions)).toBe(versions);
  });

  it('with the configured shapes, a detail page outranks an announcement; without them, neither outranks the other', () => {
    const announcement = facts('html:gd-list', '2023-04-18', '2028-04-09');
    const detail = facts('html:datasearch', '2023-04-10', '2028-04-09');
    const configured = new SourcePrecedence(
      new Map([
        ['datasearch', 'detail'],
        ['gd-list', 'announcement'],
      ]),
    );
    const outranked: [DatedFacts, DatedFacts][] = [];
    expect(withoutOutranked([announcement, detail], configured.authorityOf, (loser, by) => outranked.push([loser, by]))).toEqual([detail]);
    expect(outranked).toEqual([[announcement, detail]]);
    expect(withoutOutranked([announcement, detail], authorityWithoutConfig)).toEqual([announcement, detail]);
  });
});
