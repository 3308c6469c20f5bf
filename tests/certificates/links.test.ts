import { afterEach, beforeEach, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp();
});
afterEach(() => ctx.close());

it('links an old number to its successor both ways', async () => {
  const old = normalise('国食药监械(进)字2011第3661948号').numbers[0]!;
  storeDocuments(ctx.services, [
    {
      number: '国械注进20143665578',
      documentType: 'registration',
      approvalDate: '2014-12-05',
      expiryDate: '2019-12-04',
      productName: '人工晶状体',
      holder: 'Eye Co.',
      previousNumbers: [old],
    },
  ]);
  const successor = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent('国械注进20143665578')}` });
  expect(successor.json().links).toEqual({ replaces: ['国食药监械(进)字2011第3661948号'], replacedBy: [] });

  const missingOld = await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent('国食药监械进字2011第3661948号')}` });
  expect(missingOld.statusCode).toBe(404);
  expect(missingOld.json().replacedBy).toEqual(['国械注进20143665578']);
});
