import { z } from 'zod';
import { CertificateNumberInput } from '../numbers/numbers.schemas.ts';

const deviceFields = {
  di: z.string().describe('主产品标识 DI（最小销售单元产品标识，zxxsdycpbs）。 The primary DI (最小销售单元产品标识, zxxsdycpbs).'),
  recordKey: z
    .string()
    .describe(
      '国家药监局的记录键（deviceRecordKey）；每日文件据此更新记录。 NMPA record key (deviceRecordKey); daily files update records by it.',
    ),
  productName: z.string().nullable().describe('产品名称/通用名称（cpmctymc）。 Product or common name (cpmctymc).'),
  tradeName: z.string().nullable().describe('商品名称（spmc）。 Trade name (spmc).'),
  modelSpec: z.string().nullable().describe('规格型号（ggxh）：每个型号或包装一个 DI。 规格型号 (ggxh): one DI per model or pack.'),
  holder: z.string().nullable().describe('注册人/备案人名称（ylqxzcrbarmc）。 Registrant or filer name (ylqxzcrbarmc).'),
  deviceKind: z.string().nullable().describe('器械类别（qxlb）：器械或体外诊断试剂。 Device type (qxlb): 器械 or 体外诊断试剂.'),
  catalogueCode: z.string().nullable().describe('分类编码（flbm），2017 版分类目录。 分类编码 (flbm), 2017 catalogue.'),
  oldCatalogueCode: z.string().nullable().describe('原分类编码（yflbm），2002 版分类目录。 原分类编码 (yflbm), 2002 catalogue.'),
  withdrawnOn: z.string().nullable().describe('退市日期（tsrq），产品退市时给出。 退市日期 (tsrq), if withdrawn from sale.'),
  versionNumber: z.number().int().describe('国家药监局修改该记录的次数。 How many times NMPA changed this record.'),
  versionTime: z.string().nullable().describe('该版本的日期。 Date of that version.'),
  versionStatus: z
    .string()
    .nullable()
    .describe('记录版本状态：新增或更新（XML 标签拼写为 versionStauts）。 新增 / 更新 (the XML tag is misspelled versionStauts).'),
  sourceFile: z
    .string()
    .describe('最近一次读取该记录的 UDI 文件（及 ZIP 内的条目）。 The UDI file (and ZIP entry) the record was last read from.'),
  updatedAt: z.string().describe('本服务存入该记录此版本的时间。 When certref stored this version of the record.'),
};

const udiDeviceSchema = z.object(deviceFields).meta({ id: 'UdiDevice' });

export const udiCertificateSchema = z
  .object({
    canonical: z.string().describe('证书的规范号码。 The canonical certificate number.'),
    managementClass: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('管理类别，由证号得出。 管理类别, from the number.'),
    productNames: z
      .array(z.string())
      .describe('其各产品记录中的产品名称，出现多的在前。 Product names across its devices, most frequent first.'),
    holders: z
      .array(z.string())
      .describe('其各产品记录中的注册人/备案人名称，出现多的在前。 Registrant / filer names across its devices, most frequent first.'),
    deviceKinds: z.array(z.string()).describe('器械或体外诊断试剂。 器械 / 体外诊断试剂.'),
    catalogueCodes: z
      .array(z.string())
      .describe(
        '其各产品记录中的 2017 版分类编码（flbm），出现多的在前。 2017 catalogue codes (flbm) across its devices, most frequent first.',
      ),
    oldCatalogueCodes: z
      .array(z.string())
      .describe('2002 版分类编码（yflbm），出现多的在前。 2002 catalogue codes (yflbm), most frequent first.'),
    totalDevices: z.number().int().describe('注明该证书的产品记录（DI）数。 How many device records (DIs) name this certificate.'),
    devices: z.array(udiDeviceSchema).describe('这些记录，按 DI 排序，最多 `limit` 条。 Those records, by DI, up to `limit`.'),
    datesKnown: z
      .literal(false)
      .describe('始终为 false：UDI 数据从不包含批准日期、生效日期或有效期至。 UDI data never carries approval, effective or expiry dates.'),
    dataAsOf: z.string().describe('这些记录中最新一条的存入时间。 When the freshest of these records was stored.'),
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
      .array(
        udiDeviceSchema.extend({
          certificates: z.array(z.string()).describe('该记录注明的证书规范号码。 Canonical numbers the record names.'),
        }),
      )
      .describe('具有该 DI 的记录（通常只有一条），最新版本在前。 Records with this DI (normally one), newest version first.'),
  })
  .meta({ id: 'UdiDeviceAnswer' });
