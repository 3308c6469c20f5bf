import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp({ today: '2026-11-25' });
});
afterEach(() => ctx.close());

async function autofill(number: string) {
  const response = await ctx.app.inject({ method: 'GET', url: `/v1/autofill?number=${encodeURIComponent(number)}` });
  return { status: response.statusCode, body: response.json(), type: response.headers['content-type'] };
}

describe('docs/certificates.md §3 rule 1: effective date', () => {
  it('takes the printed 生效日期 of a new-rules certificate', async () => {
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20232140001',
        documentType: 'registration',
        approvalDate: '2023-03-10',
        effectiveDate: '2023-03-20',
        expiryDate: '2028-03-19',
        productName: '医用外科口罩',
        holder: '广州甲医疗器械有限公司',
      },
    ]);
    const { status, body } = await autofill('粤械注准20232140001');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      approvalDate: '2023-03-10',
      effectiveDate: '2023-03-20',
      effectiveDateSource: 'certificate',
      expiryDate: '2028-03-19',
      reportable: true,
      status: 'valid',
      managementClass: 2,
    });
  });

  it('uses the approval date for an old-rules certificate with no 生效日期, and says so', async () => {
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20212140002',
        documentType: 'registration',
        approvalDate: '2021-06-01',
        expiryDate: '2026-05-31',
        productName: '血压计',
        holder: '深圳乙科技有限公司',
      },
      {
        number: '粤械注准20212140002',
        documentType: 'renewal',
        approvalDate: '2026-03-01',
        expiryDate: '2031-05-31',
        productName: '血压计',
        holder: '深圳乙科技有限公司',
      },
    ]);
    const { body } = await autofill('粤械注准20212140002');
    expect(body.effectiveDateSource).toBe('approval_date_rule');
    expect(body.effectiveDate).toBe(body.approvalDate);
    expect(body.notes.join('')).toContain('生效日期按批准日期填写');
  });
});

describe('rule 2: after a change, the latest document in effect gives the approval date', () => {
  it('reports the change document date and keeps the certificate expiry', async () => {
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20222070003',
        documentType: 'registration',
        approvalDate: '2022-05-05',
        effectiveDate: '2022-05-05',
        expiryDate: '2027-05-04',
        productName: '电子体温计',
        holder: '佛山丙电子有限公司',
      },
      {
        number: '粤械注准20222070003',
        documentType: 'change',
        approvalDate: '2024-08-15',
        productName: '医用电子体温计',
        holder: '佛山丙电子有限公司',
        changeDescription: '产品名称由“电子体温计”变更为“医用电子体温计”',
      },
    ]);
    const { body } = await autofill('粤械注准20222070003');
    expect(body).toMatchObject({
      approvalDate: '2024-08-15',
      productName: '医用电子体温计',
      expiryDate: '2027-05-04',
      effectiveDate: '2022-05-05',
      effectiveDateSource: 'certificate',
    });
    expect(body.basedOn.documentType).toBe('change');
  });

  it('ignores a renewal that has not taken effect yet (approved before the old expiry)', async () => {
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20212140004',
        documentType: 'registration',
        approvalDate: '2021-12-20',
        expiryDate: '2026-12-19',
        productName: '输液器',
        holder: '丁公司',
      },
      {
        number: '粤械注准20212140004',
        documentType: 'renewal',
        approvalDate: '2026-10-01',
        effectiveDate: '2026-12-20',
        expiryDate: '2031-12-19',
        productName: '输液器',
        holder: '丁公司',
      },
    ]);
    const before = (await autofill('粤械注准20212140004')).body;
    expect(before).toMatchObject({ approvalDate: '2021-12-20', expiryDate: '2026-12-19' });
  });
});

describe('rule 3: expired certificates are answered but not reportable', () => {
  it('gives the data with reason expired', async () => {
    storeDocuments(ctx.services, [
      {
        number: '粤械注准20172010123',
        documentType: 'registration',
        approvalDate: '2017-04-01',
        expiryDate: '2022-03-31',
        productName: '高频电刀',
        holder: '戊公司',
      },
    ]);
    const { status, body } = await autofill('粤械注准20172010123');
    expect(status).toBe(200);
    expect(body).toMatchObject({ productName: '高频电刀', status: 'expired', reportable: false, reasons: ['expired'] });
    expect(body.notes.join('')).toContain('过期');
  });
});

describe('rule 4: imported products are not reported by a domestic agent', () => {
  it.each([
    ['国械注进20162705149', 'registration'],
    ['国械注许20233160006', 'registration'],
    ['国械备20151134', 'filing'],
  ] as const)('%s is not reportable: imported', async (number, documentType) => {
    storeDocuments(ctx.services, [
      {
        number,
        documentType,
        approvalDate: '2023-01-10',
        expiryDate: documentType === 'filing' ? null : '2030-01-09',
        productName: '进口产品',
        holder: 'Foreign Medical GmbH',
      },
    ]);
    const { body } = await autofill(number);
    expect(body.reportable).toBe(false);
    expect(body.reasons).toContain('imported');
  });
});

describe('rule 5: a filing has a filing date and no expiry', () => {
  it('answers expiry null and status filed', async () => {
    storeDocuments(ctx.services, [
      { number: '粤穗械备20180539', documentType: 'filing', approvalDate: '2018-06-01', productName: '医用棉签', holder: '广州己公司' },
    ]);
    const { body } = await autofill('粤穗械备20180539号');
    expect(body).toMatchObject({
      number: '粤穗械备20180539',
      approvalDate: '2018-06-01',
      expiryDate: null,
      status: 'filed',
      managementClass: 1,
      reportable: true,
    });
  });
});

describe('rule 6: a missing number', () => {
  it('outside Guangdong may be entered by hand', async () => {
    const { status, body, type } = await autofill('湘械注准20192140881');
    expect(status).toBe(404);
    expect(type).toContain('application/problem+json');
    expect(body).toMatchObject({ code: 'certificate_not_found', manualEntryAllowed: true });
    expect(body.message.zh).toContain('自行填报');
  });

  it('in Guangdong goes to the correction queue, not to manual entry', async () => {
    const { status, body } = await autofill('粤械注准20202071341');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'certificate_not_found', manualEntryAllowed: false });
  });
});
