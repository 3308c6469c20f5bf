import { z } from 'zod';
import {
  asOfQuerySchema,
  IsoDate,
  knownSuggestionSchema,
  requesterQuerySchema,
  standingFields,
} from '../certificates/certificates.schemas.ts';
import { certificateNotFoundSchema, missFieldsSchema } from '../certificates/lookup/not-found.schema.ts';
import { CertificateNumberInput } from '../numbers/numbers.schemas.ts';
import { problemSchema } from '../shared/problem.ts';
import { barcodeReadingSchema } from '../udi/barcode/barcode.schemas.ts';

export const autofillSchema = z
  .object({
    number: z.string().describe('规范号码（注册证编号/备案编号）。 Canonical number (注册证编号/备案编号).'),
    productName: z.string().nullable().describe('产品名称'),
    holder: z.string().nullable().describe('注册人/备案人名称'),
    approvalDate: IsoDate.nullable().describe(
      '批准日期/备案日期，取自最新的有效文件（含变更文件）。 批准日期/备案日期 of the latest document in effect, change documents included.',
    ),
    effectiveDate: IsoDate.nullable().describe('应填报的生效日期。 生效日期 to report.'),
    effectiveDateSource: z
      .enum(['certificate', 'approval_date_rule'])
      .nullable()
      .describe(
        '生效日期的来历：certificate 为证书上印明；approval_date_rule 为旧规则证书，生效日期即批准日期。 certificate: printed on it; approval_date_rule: old-rule certificate, effective date = approval date.',
      ),
    expiryDate: IsoDate.nullable().describe('有效期至；备案凭证为 null。 有效期至; null for filings.'),
    managementClass: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('管理类别'),
    ...standingFields,
    datesKnown: z
      .boolean()
      .describe('日期须手工填写时为 false（仅从 UDI 得知该证书）。 False when dates must be entered by hand (known only from UDI).'),
    reportable: z.boolean().describe('报告表是否应填报该产品。 Whether the form should report this product.'),
    reasons: z
      .array(z.enum(['expired', 'imported', 'not_yet_effective', 'superseded']))
      .describe('不应填报的原因。 Why it is not reportable.'),
    notes: z.array(z.string()).describe('给填表人的中文提示。 Notes for the person filling in the form, in Chinese.'),
    basedOn: z
      .object({
        versionId: z.number().int(),
        documentType: z.string(),
        source: z.string(),
        sourceRef: z.string().nullable(),
        fetchedAt: z.string(),
      })
      .nullable()
      .describe('日期所依据的文件及其来源。 The document the dates come from, with its provenance.'),
    dataAsOf: z.string().describe('最新一条信息的获取时间。 When the freshest fact was fetched.'),
    barcode: barcodeReadingSchema
      .optional()
      .describe(
        '输入为扫描的 UDI 条码时：从条码读出的内容，证号由 UDI 数据库按产品标识查得。 When the input was a scanned UDI: what the barcode said; the certificate is the one the UDI data names for its DI.',
      ),
  })
  .meta({ id: 'Autofill' });

/**
 * The 404 of auto-fill: a number the index does not hold (`certificate_not_found`, with `canonical`),
 * or a scanned DI that names no certificate (`udi_device_not_found`, `udi_device_without_certificate`,
 * with `di` and `barcode`).
 */
export const autofillNotFoundSchema = certificateNotFoundSchema
  .partial({ canonical: true, manualEntryAllowed: true })
  .extend({
    di: z.string().optional().describe('扫码时：读出的产品标识。 For a scan: the DI read.'),
    barcode: barcodeReadingSchema.optional().describe('扫码时：从条码读出的内容。 For a scan: what the barcode said.'),
  })
  .meta({ id: 'AutofillNotFound' });

export const autofillQuerySchema = z.strictObject({
  number: CertificateNumberInput.describe(
    '证号，按原样输入；也可以是扫码枪输入的 UDI 条码（GS1 或 MA 码）。 The certificate number as typed, or a UDI barcode as a scanner types it (GS1 element string or MA code).',
  ),
  ...requesterQuerySchema,
  ...asOfQuerySchema,
});

export const batchBodySchema = z.strictObject({
  numbers: z
    .array(CertificateNumberInput)
    .min(1)
    .max(1000)
    .describe('最多 1000 个证号或扫描的 UDI 条码，按原样输入。 Up to 1,000 numbers or scanned UDI barcodes, as typed.'),
  ...requesterQuerySchema,
  ...asOfQuerySchema,
});

const batchItemSchema = z
  .object({
    input: z.string().describe('原样返回的输入。 The input as given.'),
    outcome: z.enum(['found', 'not_found', 'invalid', 'multiple']).describe('该条输入的处理结果。 What happened to this input.'),
    autofill: autofillSchema.optional().describe('找到时的填写内容。 The payload, when found.'),
    problem: problemSchema
      .extend({
        suggestions: z
          .array(knownSuggestionSchema)
          .optional()
          .describe(
            '证库中存在的近似证号（输错一位或相邻两位颠倒），技术人员核实的正确证号在前。 Numbers one edit or slip away that the index holds (not found, invalid); a typo rejection’s right number first.',
          ),
        correctNumber: z
          .string()
          .optional()
          .describe('技术人员核实的正确证号（驳回为输错时）。 The right number, when a technician rejected this one as a typo.'),
        ...missFieldsSchema,
      })
      .optional()
      .describe(
        '未找到或证号无效时，与单个查询相同的问题说明。 The problem document the single route would answer with, when not found or invalid.',
      ),
  })
  .meta({ id: 'BatchAutofillItem' });

export const batchResponseSchema = z.object({
  results: z.array(batchItemSchema).describe('每条输入一个回答，顺序与输入相同。 One answer per input, in order.'),
});
