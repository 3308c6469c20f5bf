import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { addDays } from '../../src/shared/dates.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

const TODAY = '2026-11-25';
let ctx: TestContext;

beforeAll(async () => {
  // Thousands of requests from one address: the rate limit is not what this test is about.
  ctx = await buildTestApp({ today: TODAY, config: { rateLimitPerMinute: 0 } });
  loadDemoData(ctx.services.writer, { count: 300, today: TODAY });
  storeDocuments(ctx.services, [
    // Approved before its printed 生效日期: between the two it is not yet in effect.
    {
      number: '粤械注准20262140001',
      documentType: 'registration',
      productName: '一次性使用输液器',
      holder: '广州某医疗器械有限公司',
      approvalDate: '2026-11-20',
      effectiveDate: '2026-12-01',
      expiryDate: '2031-11-30',
    },
    // Renewed before expiry: the renewal takes effect the day after the old expiry.
    {
      number: '粤械注准20212140002',
      documentType: 'registration',
      productName: '医用外科口罩',
      holder: '深圳某医疗科技有限公司',
      approvalDate: '2021-06-01',
      expiryDate: '2026-05-31',
    },
    {
      number: '粤械注准20212140002',
      documentType: 'renewal',
      productName: '医用外科口罩',
      holder: '深圳某医疗科技有限公司',
      approvalDate: '2026-04-15',
      expiryDate: '2031-05-31',
    },
  ]);
});
afterAll(() => ctx.close());

interface View {
  canonical: string;
  validity: string;
  asOf: string;
  versions: { approvalDate: string | null; effectiveFrom: string | null; expiryDate: string | null }[];
}

async function certificate(number: string, asOf?: string): Promise<View> {
  const query = asOf ? `?asOf=${asOf}` : '';
  const response = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(number)}${query}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function autofill(number: string, asOf: string) {
  const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}&asOf=${asOf}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { validity: string; asOf: string; reasons: string[]; reportable: boolean };
}

/** The days where an answer can turn: around every approval, start and expiry the certificate has. */
function turningDays(view: View): string[] {
  const days = new Set<string>([TODAY]);
  for (const v of view.versions) {
    for (const day of [v.approvalDate, v.effectiveFrom, v.expiryDate]) {
      if (!day) continue;
      days.add(addDays(day, -1));
      days.add(day);
      days.add(addDays(day, 1));
    }
  }
  return [...days].sort();
}

describe('one validity answer', () => {
  it('the certificate route and auto-fill agree for every demo certificate on every day its answer can change', async () => {
    const numbers = ctx.services.database.sqlite.prepare('SELECT canonical FROM certificates ORDER BY id').pluck().all() as string[];
    expect(numbers.length).toBeGreaterThan(300);
    const seen = new Set<string>();
    for (const number of numbers) {
      const view = await certificate(number);
      for (const day of turningDays(view)) {
        const [onDay, filled] = [await certificate(number, day), await autofill(number, day)];
        expect({ number, day, validity: filled.validity, asOf: filled.asOf }).toEqual({ number, day, validity: onDay.validity, asOf: day });
        expect(onDay.asOf).toBe(day);
        expect(filled.reasons.includes('expired')).toBe(onDay.validity === 'expired');
        expect(filled.reasons.includes('not_yet_effective')).toBe(onDay.validity === 'not_yet_effective');
        expect(filled.reasons.includes('superseded')).toBe(onDay.validity === 'superseded');
        seen.add(onDay.validity);
      }
    }
    // The walk reached every state the demo data has, not only the easy one.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['expired', 'in_effect', 'not_yet_effective', 'superseded']));
  });

  it('answers not yet effective between approval and the printed effective date, on both routes', async () => {
    const number = '粤械注准20262140001';
    expect((await certificate(number, '2026-11-19')).validity).toBe('not_yet_effective');
    expect((await certificate(number, '2026-11-25')).validity).toBe('not_yet_effective');
    expect(await autofill(number, '2026-11-25')).toMatchObject({ validity: 'not_yet_effective', reportable: false });
    expect((await certificate(number, '2026-12-01')).validity).toBe('in_effect');
    expect(await autofill(number, '2026-12-01')).toMatchObject({ validity: 'in_effect', reportable: true, reasons: [] });
  });

  it('is in effect on the expiry day, expired the day after, and in effect again through a renewal', async () => {
    const number = '粤械注准20212140002';
    expect((await certificate(number, '2026-05-31')).validity).toBe('in_effect');
    expect((await autofill(number, '2026-05-31')).validity).toBe('in_effect');
    // The renewal was approved before the old expiry, so it carries on from 2026-06-01 without a gap.
    expect((await certificate(number, '2026-06-01')).validity).toBe('in_effect');
    expect((await certificate(number, '2031-06-01')).validity).toBe('expired');
    expect(await autofill(number, '2031-06-01')).toMatchObject({ validity: 'expired', reasons: ['expired'] });
  });

  it('defaults asOf to today in Asia/Shanghai and echoes it', async () => {
    const view = await certificate('粤械注准20212140002');
    expect(view.asOf).toBe(TODAY);
    const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent('粤械注准20212140002')}` });
    expect(response.json()).toMatchObject({ asOf: TODAY, validity: 'in_effect' });
  });

  it('answers a batch for its asOf, item by item as the single route does', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      payload: { numbers: ['粤械注准20262140001', '粤械注准20212140002'], asOf: '2031-06-01' },
    });
    const items = response.json().results.map((r: { autofill: { validity: string; asOf: string } }) => r.autofill);
    expect(items).toMatchObject([
      { validity: 'in_effect', asOf: '2031-06-01' },
      { validity: 'expired', asOf: '2031-06-01' },
    ]);
  });

  it('refuses an asOf that is not a calendar date with 400 problem+json', async () => {
    const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent('粤械注准20212140002')}&asOf=2026-13-01` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
