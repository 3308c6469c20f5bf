import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_VERSION_CHECK_MS } from '../../src/autofill/autofill-cache.ts';
import { CertificateWriter } from '../../src/certificates/certificate-writer.ts';
import { openDatabase } from '../../src/db/database.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

const NUMBER = '粤械注准20222070003';
let dir: string;
let ctx: TestContext;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-cache-'));
  ctx = await buildTestApp({ config: { databasePath: path.join(dir, 'certref.db') } });
  storeDocuments(ctx.services, [
    {
      number: NUMBER,
      documentType: 'registration',
      approvalDate: '2022-05-05',
      effectiveDate: '2022-05-05',
      expiryDate: '2027-05-04',
      productName: '电子体温计',
      holder: '佛山丙电子有限公司',
    },
  ]);
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function approvalDate(): Promise<string> {
  const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(NUMBER)}` });
  expect(response.statusCode).toBe(200);
  return response.json().approvalDate;
}

describe('auto-fill answers stay right while cached', () => {
  it('reflect a change document written by this process', async () => {
    expect(await approvalDate()).toBe('2022-05-05');
    storeDocuments(ctx.services, [
      { number: NUMBER, documentType: 'change', approvalDate: '2024-08-15', productName: '医用电子体温计', holder: '佛山丙电子有限公司' },
    ]);
    expect(await approvalDate()).toBe('2024-08-15');
  });

  it('reflect a change committed by another process (another connection to the file) within the check interval', async () => {
    expect(await approvalDate()).toBe('2022-05-05');
    const other = openDatabase(path.join(dir, 'certref.db'));
    new CertificateWriter(other.sqlite).write(
      [
        {
          number: normalise(NUMBER).numbers[0]!,
          asIssued: NUMBER,
          documentType: 'change',
          approvalDate: '2025-01-20',
          productName: '医用电子体温计',
          provenance: { source: 'import', fetchedAt: '2026-11-20T00:00:00.000Z' },
        },
      ],
      '2026-11-25',
    );
    other.close();
    await new Promise((resolve) => setTimeout(resolve, DATA_VERSION_CHECK_MS + 50));
    expect(await approvalDate()).toBe('2025-01-20');
  });

  it('answers each spelling of a legacy number with that spelling, whichever was cached first', async () => {
    storeDocuments(ctx.services, [
      {
        number: '国食药监械(进)字2004第3661948号',
        documentType: 'registration',
        approvalDate: '2004-03-01',
        expiryDate: '2008-02-28',
        productName: '医用导管',
        holder: '某某公司',
      },
    ]);
    const ask = async (number: string) => (await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}` })).json();
    expect((await ask('国食药监械(进)字2004第3661948号')).number).toBe('国食药监械(进)字2004第3661948号');
    const other = await ask('国药管械(进)字2004第3661948号');
    expect(other.number).toBe('国药管械(进)字2004第3661948号');
    expect(other.productName).toBe('医用导管');
  });
});
