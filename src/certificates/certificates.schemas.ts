import { z } from 'zod';
import { CertificateNumberInput, parsedNumberSchema } from '../numbers/numbers.schemas.ts';
import { CERTIFICATE_STATUSES } from './certificate-status.ts';
import { VALIDITIES } from './validity.ts';
import { DOCUMENT_TYPES } from './version-input.ts';

export const IsoDate = z.string().describe('日历日期，格式 YYYY-MM-DD。 Calendar date, YYYY-MM-DD.');
const IsoDateInput = z.iso.date();
export const ValiditySchema = z
  .enum(VALIDITIES)
  .describe(
    '该日证书状态：in_effect 有效，not_yet_effective 尚未生效（其首个文件日后才生效），expired 已过期，superseded 已被取代（新证书替换了本证号），unknown 未知（没有带日期的文件）。同一证号同一天，各接口的回答都相同。 Where the certificate stands on asOf: in_effect, not_yet_effective (its first document takes effect later), expired, superseded (a newer certificate replaced this number), unknown (no dated document). Every route answers the same for the same number and day.',
  );

/** The day an answer is for: every route that says whether a certificate is in effect takes it. */
export const asOfQuerySchema = {
  asOf: IsoDateInput.optional().describe(
    '查询日期，格式 YYYY-MM-DD（默认为上海时间的今天）。 The day to answer for, YYYY-MM-DD (default: today in Asia/Shanghai).',
  ),
};

export const Status = z
  .enum(CERTIFICATE_STATUSES)
  .describe(
    '证书状态：按上海时间的今天判断为 valid（有效）或 expired（已过期）；第一类备案为 filed；没有来源给出有效期至时为 unknown。 valid / expired against today in Asia/Shanghai; filed for class I filings; unknown when no source gave the expiry.',
  );

/** Where a certificate stands on a day, and which day: every answer about one says it the same way. */
export const standingFields = {
  status: Status,
  validity: ValiditySchema,
  asOf: IsoDate.describe(
    '本回答所针对的日期（请求的 asOf，否则为上海时间的今天）。 The day this answer is for (the asOf asked, else today in Asia/Shanghai).',
  ),
};

const provenanceSchema = z
  .object({
    source: z
      .string()
      .describe(
        '信息来源：import（导入）、demo、correction（工单补录）、udi、html:<name> 等。 Where the fact came from: import, demo, correction, udi, html:<name> …',
      ),
    sourceRef: z.string().nullable().describe('文件名或网址。 File name or URL.'),
    sourceRow: z.number().int().nullable().describe('在来源文件中的行号（文件分行时）。 Row in the source file, when it has rows.'),
    fetchedAt: z.string().describe('读取来源的时间（ISO 时间戳）。 When the source was read (ISO timestamp).'),
  })
  .meta({ id: 'Provenance' });

const versionSchema = z
  .object({
    id: z.number().int().describe('版本编号。 Version id.'),
    documentType: z
      .enum(DOCUMENT_TYPES)
      .describe(
        '文件类型：registration（注册）、renewal（延续注册）、change（变更注册文件）、filing（备案）、filing_change（备案变更）或 record（无日期的数据，如 UDI）。 registration, renewal, change (变更注册文件), filing, filing_change, or record (undated data such as UDI).',
      ),
    asIssued: z.string().describe('来源上印的证号原文。 The number as the source printed it.'),
    approvalDate: IsoDate.nullable().describe('批准日期/备案日期。 Approval or filing date.'),
    effectiveDate: IsoDate.nullable().describe(
      '证书上印的生效日期（2022 年起的证书），否则为 null。 生效日期 as printed (certificates from 2022), else null.',
    ),
    expiryDate: IsoDate.nullable().describe('有效期至；备案凭证为 null。 有效期至; null for filings.'),
    effectiveFrom: IsoDate.nullable().describe(
      '该文件生效的日期（已适用延续注册规则）；永不生效时（无日期或被更可靠的来源取代）为 null。 The day this document took or takes effect (renewal rule applied); null when it never does (undated, or outranked).',
    ),
    inEffect: z.boolean().describe('今天有效的文件为 true。 True for the document(s) in effect today.'),
    outrankedBy: z
      .number()
      .int()
      .nullable()
      .describe(
        '给出不同日期的、来源等级更高（证书 > 公告 > 声明）的版本编号：本版本仅为溯源保留，永不生效。没有时为 null。 Id of a version from a better-ranked source (certificate > announcement > claim) giving this document different dates: this one is kept for provenance but never in effect. Null when none does.',
      ),
    productName: z.string().nullable().describe('产品名称'),
    holder: z.string().nullable().describe('注册人/备案人名称'),
    holderAddress: z.string().nullable().describe('注册人/备案人住所'),
    productionAddress: z.string().nullable().describe('生产地址'),
    agentName: z.string().nullable().describe('代理人名称（进口产品）。 Agent name (imported products).'),
    agentAddress: z.string().nullable().describe('代理人住所（进口产品）。 Agent address (imported products).'),
    modelSpec: z.string().nullable().describe('型号规格'),
    structure: z.string().nullable().describe('结构及组成 / 主要组成成分'),
    scope: z.string().nullable().describe('适用范围 / 预期用途'),
    approvalDepartment: z.string().nullable().describe('审批部门 / 备案单位'),
    changeDescription: z.string().nullable().describe('变更情况：变更文件改变了什么。 What a change document changed.'),
    remarks: z.string().nullable().describe('备注'),
    provenance: provenanceSchema,
  })
  .meta({ id: 'CertificateVersion' });

export const certificateViewSchema = z
  .object({
    canonical: z.string().describe('规范号码。 Canonical number.'),
    asIssued: z.string().describe('有效文件上印的证号原文。 The number as printed on the document in effect.'),
    number: parsedNumberSchema,
    ...standingFields,
    datesKnown: z
      .boolean()
      .describe('仅无日期的来源（UDI）知道该证书时为 false。 False when only undated sources (UDI) know this certificate.'),
    current: z
      .object({
        productName: z.string().nullable(),
        holder: z.string().nullable(),
        approvalDate: IsoDate.nullable().describe(
          '取自最新的有效文件，变更文件也算在内。 Of the latest document in effect, change documents included.',
        ),
        effectiveDate: IsoDate.nullable().describe(
          '证书上印的生效日期，旧规则下为批准日期。 As printed, or the approval date under the old rules.',
        ),
        expiryDate: IsoDate.nullable(),
        versionId: z.number().int().nullable().describe('最新的有效版本。 The latest version in effect.'),
      })
      .describe('今天有效的内容。 What is in effect today.'),
    versions: z.array(versionSchema).describe('全部文件，最新的在前。 Every document, newest first.'),
    links: z
      .object({
        replaces: z
          .array(z.string())
          .describe('本证书取代的旧证号（原注册证编号）。 Old numbers this certificate replaced (原注册证编号).'),
        replacedBy: z.array(z.string()).describe('取代本证号的新证号。 Numbers that replaced this one.'),
      })
      .describe('新旧证号之间的对应关系。 Links between old and new numbers.'),
    dataAsOf: z.string().describe('该证书最新一条信息的获取时间。 When the freshest fact about this certificate was fetched.'),
  })
  .meta({ id: 'Certificate' });

/** A number one edit or slip away from what was asked, offered only when the index holds it. */
export const knownSuggestionSchema = z
  .object({
    number: z.string().describe('索引中已有证书的规范号码。 The canonical number of a certificate the index holds.'),
    known: z.literal(true).describe('始终为 true：只建议索引中已有的证号。 Always true: only numbers the index holds are suggested.'),
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
