import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digitNeighbours, NEIGHBOUR_LIMIT } from '../../src/numbers/diagnosis/digit-neighbours.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

const HELD = '粤械注准20202071341';
const HELD_LEGACY = '国食药监械(进)字2011第3661948号';
const HELD_FILING = '粤穗械备20180539';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp({ today: '2026-11-25' });
  storeDocuments(ctx.services, [
    {
      number: HELD,
      documentType: 'registration',
      approvalDate: '2020-09-01',
      expiryDate: '2025-08-31',
      productName: '心电监护仪',
      holder: '广州庚医疗有限公司',
    },
    {
      number: HELD_LEGACY,
      documentType: 'registration',
      approvalDate: '2011-03-01',
      expiryDate: '2015-02-28',
      productName: '人工晶状体',
      holder: 'Eye Co.',
    },
    { number: HELD_FILING, documentType: 'filing', approvalDate: '2018-06-01', productName: '医用棉签', holder: '广州某某卫材有限公司' },
  ]);
});
afterEach(() => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const certificate = (n: string) => get(`/v1/certificates/${encodeURIComponent(n)}`);
const autofill = (n: string) => get(`/v1/autofill?number=${encodeURIComponent(n)}`);

describe('a well-formed number that is not held: the held numbers one slip away (404)', () => {
  it.each([
    ['two adjacent digits swapped', '粤械注准20202071431', HELD],
    ['one digit wrong', '粤械注准20202071351', HELD],
    ['one digit wrong in a filing', '粤穗械备20180538', HELD_FILING],
    ['two digits swapped in a legacy number', '国食药监械(进)字2011第3669148号', HELD_LEGACY],
  ])('%s: %s', async (_slip, typed, held) => {
    for (const response of [await certificate(typed), await autofill(typed)]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'certificate_not_found', suggestions: [{ number: held, known: true }] });
    }
  });

  it('offers nothing when no neighbour is held', async () => {
    const response = await certificate('粤械注准20252140123');
    expect(response.statusCode).toBe(404);
    expect(response.json().suggestions).toEqual([]);
  });

  it('answers the same in each batch item', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/autofill/batch',
      payload: { numbers: ['粤械注准20202071431', '粤械注准20200271341', '粤械注准20252140123'] },
    });
    expect(response.statusCode).toBe(200);
    const problems = response.json().results.map((r: { problem: { suggestions: unknown } }) => r.problem.suggestions);
    expect(problems).toEqual([[{ number: HELD, known: true }], [{ number: HELD, known: true }], []]);
  });
});

describe('an invalid number a slip explains (422)', () => {
  it('offers the held number when swapped digits broke a rule', async () => {
    // The class digit swapped with the one after it: class 0 is not a class.
    const response = await autofill('粤械注准20200271341');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ reason: 'class_authority_mismatch', suggestions: [{ number: HELD, known: true }] });
  });

  it('offers only held numbers, never the engine’s unchecked ones', async () => {
    const response = await autofill('粤械注准20232070123x');
    expect(response.statusCode).toBe(422);
    expect(response.json().suggestions).toEqual([]);
  });
});

describe('POST /v1/numbers/normalize stays the pure engine', () => {
  it('answers the engine’s suggestions as plain numbers, held or not', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/v1/numbers/normalize', payload: { inputs: ['粤械准20252140123'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json().results[0].error).toMatchObject({ reason: 'missing_character', suggestions: ['粤械注准20252140123'] });
  });
});

describe('digitNeighbours', () => {
  it('are valid numbers one swap or one digit away, bounded, swaps first', () => {
    for (const n of [HELD, HELD_LEGACY, '粤穗械备201805391234']) {
      const all = digitNeighbours(n, { currentYear: 2026 });
      expect(all.length).toBeGreaterThan(0);
      expect(all.length).toBeLessThanOrEqual(NEIGHBOUR_LIMIT);
      expect(all.map((x) => x.number)).not.toContain(n);
      expect(new Set(all.map((x) => x.number)).size).toBe(all.length);
    }
    expect(digitNeighbours(HELD, { currentYear: 2026 })[0]!.number).toBe('粤械注准20202071341'.replace('2020207', '2020270'));
    expect(digitNeighbours('粤械注准2020207', { currentYear: 2026 })).toEqual([]);
  });
});
