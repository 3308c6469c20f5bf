import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../certificates/certificate-status.ts';
import { FAMILIES } from '../numbers/number.types.ts';
import { AUTHORITIES } from '../numbers/reference/authorities.ts';
import { FACET_NAMES, MATCH_KINDS } from './search.types.ts';

const Family = z.enum(FAMILIES);
const Status = z.enum(CERTIFICATE_STATUSES);
const Year = z.coerce.number().int().min(2000).max(2100);
const IsoDate = z.string().describe('Calendar date, YYYY-MM-DD.');

const SEARCH_LIMIT_MAX = 100;

export const searchQuerySchema = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe(
        'What to look for: a certificate number typed any way (found first), a fragment of one (`2019314`, `粤穗械备`), or part of a product name or holder (`导管`, `迈瑞`). One character is enough.',
      ),
    family: Family.optional().describe('只看这一类证号。 Only this number family: registration, filing (class I), legacy2004, legacy2000.'),
    authority: z
      .enum(AUTHORITIES.map((a) => a.abbr) as [string, ...string[]])
      .optional()
      .describe('Only this issuing authority: 国 (NMPA) or a province abbreviation (粤, 京 …).'),
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
    field: z.enum(['canonical', 'productName', 'holder']).describe('The field the query was found in.'),
    fragment: z
      .string()
      .describe(
        'The field, HTML-escaped, with each occurrence of the query wrapped in <mark>…</mark> (the whole number for an exact match).',
      ),
  })
  .meta({ id: 'SearchHighlight' });

const searchHitSchema = z
  .object({
    canonical: z.string().describe('Canonical certificate number.'),
    productName: z.string().nullable().describe('产品名称 in effect.'),
    holder: z.string().nullable().describe('注册人/备案人名称 in effect.'),
    managementClass: z.number().int().describe('管理类别: 1, 2 or 3.'),
    status: Status.describe(
      'valid / expired against today in Asia/Shanghai; filed for class I filings; unknown when no source gave the expiry.',
    ),
    family: Family.describe('Number family.'),
    authority: z.string().describe('Issuing authority abbreviation.'),
    year: z.number().int().describe('The year in the number.'),
    approvalDate: IsoDate.nullable().describe('批准日期 / 备案日期 of the latest document in effect.'),
    effectiveDate: IsoDate.nullable().describe('生效日期 as printed, or the approval date under the old rules.'),
    expiryDate: IsoDate.nullable().describe('有效期至; null for filings.'),
    matchedBy: z
      .enum(MATCH_KINDS)
      .describe(
        'Why it matched, in ranking order: number (the query is this certificate’s number), number_prefix, number_fragment, product_name, holder.',
      ),
    highlights: z.array(highlightSchema).describe('The fields the query occurs in, marked.'),
  })
  .meta({ id: 'SearchHit' });

const facetValuesSchema = z
  .array(
    z.object({
      value: z.string().describe('The facet value (an authority abbreviation, a class, a status or a family).'),
      count: z.number().int().describe('Hits with this value.'),
    }),
  )
  .describe('Values with at least one hit, most hits first.');

export const searchResponseSchema = z
  .object({
    hits: z.array(searchHitSchema).describe('This page of hits, best first.'),
    total: z.number().int().describe('Every hit of the query and filters, not only this page.'),
    facets: z
      .object(
        Object.fromEntries(FACET_NAMES.map((name) => [name, facetValuesSchema.describe(`Hit counts per ${name}.`)])) as Record<
          (typeof FACET_NAMES)[number],
          typeof facetValuesSchema
        >,
      )
      .describe(
        'Hit counts per facet value. Each facet is counted with every filter but its own, so it shows what choosing another value would give.',
      ),
    facetsExact: z
      .boolean()
      .describe(
        'True when the facet counts are exact. The embedded engine counts facets hit by hit up to 50,000 text hits; beyond that it estimates them from a 1-in-16 sample scaled to the total (the total itself is always exact).',
      ),
    nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
    engine: z.enum(['embedded', 'meilisearch']).describe('The engine that answered.'),
  })
  .meta({ id: 'SearchResults' });

export type SearchResponse = z.output<typeof searchResponseSchema>;
