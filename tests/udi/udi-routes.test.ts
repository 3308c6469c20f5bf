import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';
import { udiFixture } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await buildTestApp({ config: { rateLimitPerMinute: 0 } });
});
afterEach(() => ctx.close());

const get = async (url: string) => {
  const response = await ctx.app.inject({ url });
  return { status: response.statusCode, body: response.json() };
};
const enc = encodeURIComponent;

describe('UDI data over HTTP', () => {
  it("answers a certificate's DIs, names, class and catalogue codes, and says UDI has no dates", async () => {
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const { status, body } = await get(`/v1/udi/certificates/${enc('粤械注准 2017 2140123')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      canonical: '粤械注准20172140123',
      managementClass: 2,
      productNames: ['一次性使用无菌注射器'],
      holders: ['广州市康宁医疗器械有限公司'],
      deviceKinds: ['器械'],
      catalogueCodes: ['14-01-01'],
      oldCatalogueCodes: ['6815'],
      totalDevices: 2,
      datesKnown: false,
    });
    expect(body.devices.map((d: { di: string; modelSpec: string }) => `${d.di} ${d.modelSpec}`)).toEqual([
      '06941234500011 1ml',
      '06941234500028 5ml',
    ]);
    expect(body.devices[0]).toMatchObject({ versionStatus: '新增', versionNumber: 1, sourceFile: 'udi-full-sample.xml' });
  });

  it('answers a DI with the certificates its record names', async () => {
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const { status, body } = await get('/v1/udi/devices/06941234500035');
    expect(status).toBe(200);
    expect(body.records).toEqual([
      expect.objectContaining({ recordKey: 'REC-0003', certificates: ['国械注准20153661234', '国械注准20183141567'] }),
    ]);
    expect((await get('/v1/udi/devices/00000000000000')).body).toMatchObject({ code: 'udi_device_not_found' });
  });

  it('says 404 for a certificate no device names and 422 for a number that is not one, never opening a ticket', async () => {
    const missing = await get(`/v1/udi/certificates/${enc('粤械注准20232070123')}`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'udi_certificate_not_found' } });
    expect((await get(`/v1/udi/certificates/${enc('hello')}`)).status).toBe(422);
    const tickets = ctx.services.database.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    expect(tickets.n).toBe(0);
  });

  it('lookup and auto-fill of a UDI-only certificate: names with provenance and dataAsOf, dates to be entered by hand', async () => {
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const lookup = await get(`/v1/certificates/${enc('粤械注准20172140123')}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      datesKnown: false,
      current: { productName: '一次性使用无菌注射器', approvalDate: null, expiryDate: null },
      dataAsOf: '2026-11-25T04:00:00.000Z',
    });
    expect(lookup.body.versions[0]).toMatchObject({
      documentType: 'record',
      provenance: { source: 'udi', sourceRef: 'udi-full-sample.xml', fetchedAt: '2026-11-25T04:00:00.000Z' },
    });
    const autofill = await get(`/v1/autofill?number=${enc('粤械注准20172140123')}`);
    expect(autofill.body).toMatchObject({
      datesKnown: false,
      approvalDate: null,
      effectiveDate: null,
      expiryDate: null,
      dataAsOf: '2026-11-25T04:00:00.000Z',
    });
    expect(autofill.body.notes.join('')).toContain('手工填写');
  });

  it('never touches the dates of a certificate known from its documents; the document names it', async () => {
    storeDocuments(ctx.services, [
      {
        number: '国械注准20153661234',
        documentType: 'registration',
        approvalDate: '2020-06-18',
        expiryDate: '2025-06-17',
        productName: '电子体温计',
      },
    ]);
    await ctx.services.udiImporter.importPath(udiFixture('udi-full-sample.xml'), { trigger: 'test' });
    const { body } = await get(`/v1/autofill?number=${enc('国械注准20153661234')}`);
    expect(body).toMatchObject({
      datesKnown: true,
      approvalDate: '2020-06-18',
      expiryDate: '2025-06-17',
      productName: '电子体温计',
      basedOn: { source: 'test' },
    });
  });
});
