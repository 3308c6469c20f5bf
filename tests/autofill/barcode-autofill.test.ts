import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../../seed/demo-data.ts';
import type { DemoDevice } from '../../seed/demo-devices.ts';
import { demoUdiXml } from '../../seed/demo-udi-xml.ts';
import { ensureDemoData } from '../../src/demo/ensure-demo-data.ts';
import { makeTempDir } from '../../src/shared/temp-files.ts';
import { isGtin14 } from '../../src/udi/barcode/gtin.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

// The demo devices of README.md: DIs linked to demo certificates in effect, expired, and a filing.
const IN_EFFECT = { di: '06970999000104', number: '粤械注准20262174605' };
const EXPIRED = { di: '06970999000340', number: '粤械注准20192227694' };
const FILING = { di: '06970999000418', number: '粤穗械备20171023' };
const MA_DI = 'MA.156.M0.100999.10000017';
const UNKNOWN_DI = '06970999000555';
const GS = '\u001d';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp({ config: { demoData: true, demoDataSize: 300, rateLimitPerMinute: 0 } });
  await ensureDemoData(ctx.services, () => {});
});
afterAll(() => ctx.close());

const single = async (number: string) => {
  const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}` });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
};
const batch = async (numbers: string[]) =>
  (await ctx.app.inject({ method: 'POST', url: '/v1/autofill/batch', payload: { numbers } })).json().results;
const tickets = () => (ctx.services.database.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

/** Imports UDI records the demo does not have, through the importer, from a temporary file. */
async function importDevices(devices: DemoDevice[]): Promise<void> {
  const dir = await makeTempDir('barcode-test');
  try {
    const file = path.join(dir.path, 'devices.xml');
    fs.writeFileSync(file, demoUdiXml(devices, DEMO_TODAY));
    await ctx.services.udiImporter.importFile(file, { trigger: 'test' });
  } finally {
    await dir.dispose();
  }
}
const device = (recordKey: string, di: string, certificate: string): DemoDevice => ({
  recordKey,
  di,
  certificate,
  issuerName: 'GS1',
  role: 'in_effect',
  productName: '测试器械',
  holder: '测试公司',
  modelSpec: null,
  pack: '单件',
});

describe('the demo UDI devices', () => {
  it('are imported on first start with valid GTIN-14s, each naming the certificate README lists', async () => {
    const expected = [
      [IN_EFFECT.di, IN_EFFECT.number],
      ['06970999000272', IN_EFFECT.number],
      [EXPIRED.di, EXPIRED.number],
      [FILING.di, FILING.number],
      [MA_DI, IN_EFFECT.number],
    ];
    for (const [di, number] of expected) {
      if (!di!.startsWith('MA.')) expect(isGtin14(di!), di).toBe(true);
      const response = await ctx.app.inject({ url: `/v1/udi/devices/${encodeURIComponent(di!)}` });
      expect(response.json().records[0].certificates, di).toEqual([number]);
    }
    const run = ctx.services.database.sqlite.prepare("SELECT status, devices_added AS added FROM udi_runs WHERE trigger = 'demo'").get();
    expect(run).toEqual({ status: 'completed', added: expected.length });
  });
});

describe('auto-fill from a scanned UDI barcode', () => {
  it("answers the demo device's certificate, as typing its number would, plus what the barcode said", async () => {
    const scanned = await single(`(01)${IN_EFFECT.di}(17)281231(10)LOT2026A`);
    expect(scanned.status).toBe(200);
    const { barcode, ...payload } = scanned.body;
    expect(barcode).toEqual({ issuer: 'GS1', di: IN_EFFECT.di, lot: 'LOT2026A', expiry: '2028-12-31' });
    expect(payload).toEqual((await single(IN_EFFECT.number)).body);
    expect(payload).toMatchObject({ number: IN_EFFECT.number, validity: 'in_effect', reportable: true });
  });

  it('reads the scanned form with separators and symbology identifier, day 00 and a serial', async () => {
    const { status, body } = await single(`]d201${IN_EFFECT.di}10LOT2026A<GS>1728120021SN0001`);
    expect(status).toBe(200);
    expect(body.barcode).toEqual({ issuer: 'GS1', di: IN_EFFECT.di, lot: 'LOT2026A', expiry: '2028-12-31', serial: 'SN0001' });
  });

  it('answers an expired certificate as expired and not reportable, and a filing with no expiry', async () => {
    const expired = await single(`01${EXPIRED.di}17250600`);
    expect(expired.body).toMatchObject({ number: EXPIRED.number, validity: 'expired', reportable: false, reasons: ['expired'] });
    expect(expired.body.barcode.expiry).toBe('2025-06-30');
    const filing = await single(FILING.di);
    expect(filing.body).toMatchObject({ number: FILING.number, expiryDate: null, barcode: { issuer: 'GS1', di: FILING.di } });
  });

  it('resolves an MA code through the UDI data too', async () => {
    const { status, body } = await single(`${MA_DI}.L2026A.V281231`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ number: IN_EFFECT.number, barcode: { issuer: 'MA', di: MA_DI, lot: '2026A', expiry: '2028-12-31' } });
  });

  it('a DI the UDI data does not hold: 404 udi_device_not_found with what was read, and never a ticket', async () => {
    const before = tickets();
    const { status, type, body } = await single(`(01)${UNKNOWN_DI}(10)X1`);
    expect(status).toBe(404);
    expect(type).toContain('application/problem+json');
    expect(body).toMatchObject({ code: 'udi_device_not_found', di: UNKNOWN_DI, barcode: { di: UNKNOWN_DI, lot: 'X1' } });
    expect(body.message.zh).toContain(UNKNOWN_DI);
    expect(tickets()).toBe(before);
  });

  it('a barcode that cannot be read: 422 with its code, never a 500 nor a ticket', async () => {
    const before = tickets();
    expect((await single(`(01)06970999000105`)).body).toMatchObject({ status: 422, code: 'barcode_check_digit_mismatch' });
    expect((await single(`(01)${IN_EFFECT.di}(17)270230`)).body).toMatchObject({ status: 422, code: 'barcode_invalid_date' });
    expect((await single('AHM0000000001')).body).toMatchObject({ status: 422, code: 'barcode_not_resolvable' });
    expect(tickets()).toBe(before);
  });

  it('a device record without a certificate number, or with several, says so', async () => {
    await importDevices([
      device('TEST-NONE', '06970999000517', ''),
      device('TEST-TWO', '06970999000524', `${IN_EFFECT.number},${EXPIRED.number}`),
    ]);
    const none = await single('0106970999000517');
    expect(none).toMatchObject({ status: 404, body: { code: 'udi_device_without_certificate', di: '06970999000517' } });
    const two = await single('0106970999000524');
    expect(two).toMatchObject({
      status: 422,
      body: { code: 'udi_device_several_certificates', certificates: [IN_EFFECT.number, EXPIRED.number].sort() },
    });
  });
});

describe('batch auto-fill with scanned barcodes', () => {
  it('answers each scan like the single route, typed numbers as before, in order', async () => {
    const inputs = [
      `(01)${IN_EFFECT.di}(17)281231(10)LOT2026A`,
      `01${EXPIRED.di}10B7${GS}17250600`,
      IN_EFFECT.number,
      `(01)${UNKNOWN_DI}`,
      '(01)06970999000105',
    ];
    const before = tickets();
    const results = await batch(inputs);
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['found', 'found', 'found', 'not_found', 'invalid']);
    expect(results[0].autofill).toEqual((await single(inputs[0]!)).body);
    expect(results[1].autofill).toMatchObject({
      number: EXPIRED.number,
      validity: 'expired',
      barcode: { lot: 'B7', expiry: '2025-06-30' },
    });
    expect(results[2].autofill.barcode).toBeUndefined();
    expect(results[3].problem).toEqual((await single(inputs[3]!)).body);
    expect(results[4].problem).toMatchObject({ code: 'barcode_check_digit_mismatch', expectedCheckDigit: 4 });
    expect(tickets()).toBe(before);
  });
});
