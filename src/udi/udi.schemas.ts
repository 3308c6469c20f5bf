import { z } from 'zod';
import { CertificateNumberInput } from '../numbers/numbers.schemas.ts';

const deviceFields = {
  di: z.string().describe('The primary DI (最小销售单元产品标识, zxxsdycpbs).'),
  recordKey: z.string().describe('NMPA record key (deviceRecordKey); daily files update records by it.'),
  productName: z.string().nullable().describe('产品名称/通用名称 (cpmctymc).'),
  tradeName: z.string().nullable().describe('商品名称 (spmc).'),
  modelSpec: z.string().nullable().describe('规格型号 (ggxh): one DI per model or pack.'),
  holder: z.string().nullable().describe('注册人/备案人名称 (ylqxzcrbarmc).'),
  deviceKind: z.string().nullable().describe('器械类别 (qxlb): 器械 or 体外诊断试剂.'),
  catalogueCode: z.string().nullable().describe('分类编码 (flbm), 2017 catalogue.'),
  oldCatalogueCode: z.string().nullable().describe('原分类编码 (yflbm), 2002 catalogue.'),
  withdrawnOn: z.string().nullable().describe('退市日期 (tsrq), if withdrawn from sale.'),
  versionNumber: z.number().int().describe('How many times NMPA changed this record.'),
  versionTime: z.string().nullable().describe('Date of that version.'),
  versionStatus: z.string().nullable().describe('新增 / 更新 (the XML tag is misspelled versionStauts).'),
  sourceFile: z.string().describe('The UDI file (and ZIP entry) the record was last read from.'),
  updatedAt: z.string().describe('When certref stored this version of the record.'),
};

const udiDeviceSchema = z.object(deviceFields).meta({ id: 'UdiDevice' });

export const udiCertificateSchema = z
  .object({
    canonical: z.string().describe('The canonical certificate number.'),
    managementClass: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('管理类别, from the number.'),
    productNames: z.array(z.string()).describe('Product names across its devices, most frequent first.'),
    holders: z.array(z.string()).describe('Registrant / filer names across its devices, most frequent first.'),
    deviceKinds: z.array(z.string()).describe('器械 / 体外诊断试剂.'),
    catalogueCodes: z.array(z.string()).describe('2017 catalogue codes (flbm) across its devices, most frequent first.'),
    oldCatalogueCodes: z.array(z.string()).describe('2002 catalogue codes (yflbm), most frequent first.'),
    totalDevices: z.number().int().describe('How many device records (DIs) name this certificate.'),
    devices: z.array(udiDeviceSchema).describe('Those records, by DI, up to `limit`.'),
    datesKnown: z.literal(false).describe('UDI data never carries approval, effective or expiry dates.'),
    dataAsOf: z.string().describe('When the freshest of these records was stored.'),
  })
  .meta({ id: 'UdiCertificate' });

export const udiCertificateParamsSchema = z.strictObject({ number: CertificateNumberInput });
export const udiCertificateQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('最多列出的产品数。 Devices listed at most (1–1000).'),
});

export const udiDeviceParamsSchema = z.strictObject({
  di: z.string().min(1).max(100).describe('产品标识（条码下方印的数字）。 A DI as printed under the barcode.'),
});

export const udiDeviceAnswerSchema = z
  .object({
    di: z.string(),
    records: z
      .array(udiDeviceSchema.extend({ certificates: z.array(z.string()).describe('Canonical numbers the record names.') }))
      .describe('Records with this DI (normally one), newest version first.'),
  })
  .meta({ id: 'UdiDeviceAnswer' });
