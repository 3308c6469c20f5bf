import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../certificates/certificate-status.ts';
import { FAMILIES } from '../numbers/number.types.ts';
import { AUTHORITIES } from '../numbers/reference/authorities.ts';
import { FACET_NAMES, MATCH_KINDS } from './search.types.ts';

const Family = z.enum(FAMILIES);
const Status = z.enum(CERTIFICATE_STATUSES);
const Year = z.coerce.number().int().min(2000).max(2100);
const IsoDate = z.string().describe('日历日期，格式 YYYY-MM-DD。 Calendar date, YYYY-MM-DD.');

const SEARCH_LIMIT_MAX = 100;

export const searchQuerySchema = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe(
        '搜索内容：任意写法的证号（优先匹配）、证号片段（`2019314`、`粤穗械备`），或产品名称、注册人名称的一部分（`导管`、`迈瑞`）。一个字即可。 What to look for: a certificate number typed any way (found first), a fragment of one (`2019314`, `粤穗械备`), or part of a product name or holder (`导管`, `迈瑞`). One character is enough.',
      ),
    family: Family.optional().describe('只看这一类证号。 Only this number family: registration, filing (class I), legacy2004, legacy2000.'),
    authority: z
      .enum(AUTHORITIES.map((a) => a.abbr) as [string, ...string[]])
      .optional()
      .describe(
        '只看这一审批部门：国（国家药监局）或省份简称（粤、京等）。 Only this issuing authority: 国 (NMPA) or a province abbreviation (粤, 京 …).',
      ),
    class: z
      .enum(['1', '2', '3'])
      .transform((value) => Number(value) as 1 | 2 | 3)
      .optional()
      .describe('只看这一管理类别。 Only this management class (1, 2 or 3).'),
    status: Status.optional().describe(
      '只看这一状态的证书（按上海时间的今天）。 Only valid, expired, filed (class I filings) or unknown (no expiry known) certificates, as of today in Asia/Shanghai.',
    ),
    yearFrom: Year.optional().describe(
      '起始年份（含）。 Only numbers whose year (first registration, filing or approval) is this year or later.',
    ),
    yearTo: Year.optional().describe('截止年份（含）。 Only numbers whose year is this year or earlier.'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(SEARCH_LIMIT_MAX)
      .default(20)
      .describe(`每页条数。 Hits per page, 1–${SEARCH_LIMIT_MAX} (default 20).`),
    cursor: z
      .string()
      .max(400)
      .optional()
      .describe("翻页游标：上一页返回的值，搜索条件须相同。 The previous page's nextCursor; the query and filters must be the same."),
  })
  .refine((query) => query.yearFrom === undefined || query.yearTo === undefined || query.yearFrom <= query.yearTo, {
    message: 'yearFrom must not be after yearTo',
    params: { zh: '起始年份不能晚于 `yearTo`' },
    path: ['yearFrom'],
  });

const highlightSchema = z
  .object({
    field: z.enum(['canonical', 'productName', 'holder']).describe('查询内容所在的字段。 The field the query was found in.'),
    fragment: z
      .string()
      .describe(
        '经 HTML 转义的字段内容，查询内容每次出现处以 <mark>…</mark> 标出（完全匹配时标出整个证号）。 The field, HTML-escaped, with each occurrence of the query wrapped in <mark>…</mark> (the whole number for an exact match).',
      ),
  })
  .meta({ id: 'SearchHighlight' });

const searchHitSchema = z
  .object({
    canonical: z.string().describe('证书的规范号码。 Canonical certificate number.'),
    productName: z.string().nullable().describe('有效文件上的产品名称。 产品名称 in effect.'),
    holder: z.string().nullable().describe('有效文件上的注册人/备案人名称。 注册人/备案人名称 in effect.'),
    managementClass: z.number().int().describe('管理类别：1、2 或 3。 管理类别: 1, 2 or 3.'),
    status: Status.describe(
      '证书状态：按上海时间的今天判断为 valid（有效）或 expired（已过期）；第一类备案为 filed；没有来源给出有效期至时为 unknown。 valid / expired against today in Asia/Shanghai; filed for class I filings; unknown when no source gave the expiry.',
    ),
    family: Family.describe('证号类别。 Number family.'),
    authority: z.string().describe('审批部门简称。 Issuing authority abbreviation.'),
    year: z.number().int().describe('证号中的年份。 The year in the number.'),
    approvalDate: IsoDate.nullable().describe('最新有效文件的批准日期/备案日期。 批准日期 / 备案日期 of the latest document in effect.'),
    effectiveDate: IsoDate.nullable().describe(
      '证书上印的生效日期，旧规则下为批准日期。 生效日期 as printed, or the approval date under the old rules.',
    ),
    expiryDate: IsoDate.nullable().describe('有效期至；备案凭证为 null。 有效期至; null for filings.'),
    matchedBy: z
      .enum(MATCH_KINDS)
      .describe(
        '命中原因，按排序优先级：number（查询即本证号）、number_prefix（证号前缀）、number_fragment（证号片段）、product_name（产品名称）、holder（注册人/备案人）。 Why it matched, in ranking order: number (the query is this certificate’s number), number_prefix, number_fragment, product_name, holder.',
      ),
    highlights: z.array(highlightSchema).describe('含查询内容的字段，已标出命中处。 The fields the query occurs in, marked.'),
  })
  .meta({ id: 'SearchHit' });

/** How each facet is named in its Chinese description. */
const FACET_NAMES_ZH: Record<(typeof FACET_NAMES)[number], string> = {
  authority: '审批部门',
  class: '管理类别',
  status: '证书状态',
  family: '证号类别',
};

const facetValuesSchema = z
  .array(
    z.object({
      value: z
        .string()
        .describe(
          '分面取值（审批部门简称、管理类别、状态或证号类别）。 The facet value (an authority abbreviation, a class, a status or a family).',
        ),
      count: z.number().int().describe('取该值的命中数。 Hits with this value.'),
    }),
  )
  .describe('至少有一条命中的取值，命中多的在前。 Values with at least one hit, most hits first.');

export const searchResponseSchema = z
  .object({
    hits: z.array(searchHitSchema).describe('本页命中结果，最相关的在前。 This page of hits, best first.'),
    total: z.number().int().describe('符合查询和筛选条件的全部命中数，不只本页。 Every hit of the query and filters, not only this page.'),
    facets: z
      .object(
        Object.fromEntries(
          FACET_NAMES.map((name) => [name, facetValuesSchema.describe(`按${FACET_NAMES_ZH[name]}统计的命中数。 Hit counts per ${name}.`)]),
        ) as Record<(typeof FACET_NAMES)[number], typeof facetValuesSchema>,
      )
      .describe(
        '各分面取值的命中数。每个分面按除自身以外的全部筛选条件计数，因此能显示改选其他取值的结果。 Hit counts per facet value. Each facet is counted with every filter but its own, so it shows what choosing another value would give.',
      ),
    facetsExact: z
      .boolean()
      .describe(
        '分面计数精确时为 true。内置引擎在文本命中不超过 50000 条时逐条计数；超过时按十六分之一的抽样估算并按总数折算（总数本身始终精确）。 True when the facet counts are exact. The embedded engine counts facets hit by hit up to 50,000 text hits; beyond that it estimates them from a 1-in-16 sample scaled to the total (the total itself is always exact).',
      ),
    nextCursor: z
      .string()
      .nullable()
      .describe('作为 cursor 传入以取下一页；最后一页为 null。 Pass as cursor for the next page; null on the last page.'),
    engine: z.enum(['embedded', 'meilisearch']).describe('回答本次搜索的引擎。 The engine that answered.'),
  })
  .meta({ id: 'SearchResults' });

export type SearchResponse = z.output<typeof searchResponseSchema>;
