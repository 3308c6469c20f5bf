import { z } from 'zod';
import { CertificateNumberInput, parsedNumberSchema } from '../numbers/numbers.schemas.ts';
import { CERTIFICATE_STATUSES } from './certificate-status.ts';
import { VALIDITIES } from './validity.ts';
import { DOCUMENT_TYPES } from './version-input.ts';

export const IsoDate = z.string().describe('Calendar date, YYYY-MM-DD.');
const IsoDateInput = z.iso.date();
export const ValiditySchema = z
  .enum(VALIDITIES)
  .describe(
    '该日证书状态 / Where the certificate stands on asOf: in_effect, not_yet_effective (its first document takes effect later), expired, superseded (a newer certificate replaced this number), unknown (no dated document). Every route answers the same for the same number and day.',
  );

/** The day an answer is for: every route that says whether a certificate is in effect takes it. */
export const asOfQuerySchema = {
  asOf: IsoDateInput.optional().describe(
    '查询日期（默认今天，Asia/Shanghai）/ The day to answer for, YYYY-MM-DD (default: today in Asia/Shanghai).',
  ),
};

export const Status = z
  .enum(CERTIFICATE_STATUSES)
  .describe('valid / expired against today in Asia/Shanghai; filed for class I filings; unknown when no source gave the expiry.');

const provenanceSchema = z
  .object({
    source: z.string().describe('Where the fact came from: import, demo, correction, udi, html:<name> …'),
    sourceRef: z.string().nullable().describe('File name or URL.'),
    sourceRow: z.number().int().nullable().describe('Row in the source file, when it has rows.'),
    fetchedAt: z.string().describe('When the source was read (ISO timestamp).'),
  })
  .meta({ id: 'Provenance' });

const versionSchema = z
  .object({
    id: z.number().int().describe('Version id.'),
    documentType: z
      .enum(DOCUMENT_TYPES)
      .describe('registration, renewal, change (变更注册文件), filing, filing_change, or record (undated data such as UDI).'),
    asIssued: z.string().describe('The number as the source printed it.'),
    approvalDate: IsoDate.nullable().describe('批准日期 / 备案日期.'),
    effectiveDate: IsoDate.nullable().describe('生效日期 as printed (certificates from 2022), else null.'),
    expiryDate: IsoDate.nullable().describe('有效期至; null for filings.'),
    effectiveFrom: IsoDate.nullable().describe(
      'The day this document took or takes effect (renewal rule applied); null when it never does (undated, or outranked).',
    ),
    inEffect: z.boolean().describe('True for the document(s) in effect today.'),
    outrankedBy: z
      .number()
      .int()
      .nullable()
      .describe(
        'Id of a version from a better-ranked source (certificate > announcement > claim) giving this document different dates: this one is kept for provenance but never in effect. Null when none does.',
      ),
    productName: z.string().nullable().describe('产品名称'),
    holder: z.string().nullable().describe('注册人/备案人名称'),
    holderAddress: z.string().nullable().describe('注册人/备案人住所'),
    productionAddress: z.string().nullable().describe('生产地址'),
    agentName: z.string().nullable().describe('代理人名称 (imported)'),
    agentAddress: z.string().nullable().describe('代理人住所 (imported)'),
    modelSpec: z.string().nullable().describe('型号规格'),
    structure: z.string().nullable().describe('结构及组成 / 主要组成成分'),
    scope: z.string().nullable().describe('适用范围 / 预期用途'),
    approvalDepartment: z.string().nullable().describe('审批部门 / 备案单位'),
    changeDescription: z.string().nullable().describe('变更情况 / what a change document changed'),
    remarks: z.string().nullable().describe('备注'),
    provenance: provenanceSchema,
  })
  .meta({ id: 'CertificateVersion' });

export const certificateViewSchema = z
  .object({
    canonical: z.string().describe('Canonical number.'),
    asIssued: z.string().describe('The number as printed on the document in effect.'),
    number: parsedNumberSchema,
    status: Status,
    validity: ValiditySchema,
    asOf: IsoDate.describe('The day this answer is for (the asOf asked, else today in Asia/Shanghai).'),
    datesKnown: z.boolean().describe('False when only undated sources (UDI) know this certificate.'),
    current: z
      .object({
        productName: z.string().nullable(),
        holder: z.string().nullable(),
        approvalDate: IsoDate.nullable().describe('Of the latest document in effect, change documents included.'),
        effectiveDate: IsoDate.nullable().describe('As printed, or the approval date under the old rules.'),
        expiryDate: IsoDate.nullable(),
        versionId: z.number().int().nullable().describe('The latest version in effect.'),
      })
      .describe('What is in effect today.'),
    versions: z.array(versionSchema).describe('Every document, newest first.'),
    links: z
      .object({
        replaces: z.array(z.string()).describe('Old numbers this certificate replaced (原注册证编号).'),
        replacedBy: z.array(z.string()).describe('Numbers that replaced this one.'),
      })
      .describe('Links between old and new numbers.'),
    dataAsOf: z.string().describe('When the freshest fact about this certificate was fetched.'),
  })
  .meta({ id: 'Certificate' });

/** A number one edit or slip away from what was asked, offered only when the index holds it. */
export const knownSuggestionSchema = z
  .object({
    number: z.string().describe('The canonical number of a certificate the index holds.'),
    known: z.literal(true).describe('Always true: only numbers the index holds are suggested.'),
  })
  .meta({ id: 'KnownSuggestion' });
export type KnownSuggestion = z.output<typeof knownSuggestionSchema>;

export const requesterQuerySchema = {
  contact: z
    .string()
    .max(200)
    .optional()
    .describe('联系方式：开出工单时技术人员据此联系您。 How technicians can reach you if a ticket is opened.'),
  callbackUrl: z
    .url()
    .max(2000)
    .optional()
    .describe('回调地址：工单状态变化时收到签名的通知。 URL told of ticket state changes (signed POST).'),
};

export const certificateParamsSchema = z.strictObject({ number: CertificateNumberInput });

/** A certificate lookup that misses a Guangdong number opens a ticket like auto-fill does. */
export const certificateQuerySchema = z.strictObject({ ...requesterQuerySchema, ...asOfQuerySchema });
