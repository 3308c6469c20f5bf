import { z } from 'zod';
import { parsedNumberSchema } from '../../numbers/numbers.schemas.ts';
import { certificateViewSchema, Status } from '../certificates.schemas.ts';
import { isSelectableAuthority } from './key-ranges.ts';

export const LISTING_LIMIT_MAX = 1000;

/** China keeps one offset all year: a date alone starts at its midnight there. */
const CHINA_OFFSET = '+08:00';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant as the store writes `updated_at` (ISO, UTC, milliseconds), so the two compare as text; null when it is none. */
function storedInstant(value: string): string | null {
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00${CHINA_OFFSET}` : DATE_TIME.test(value) ? value : null;
  if (text === null) return null;
  const instant = new Date(text);
  // Date accepts 2026-02-30; the round trip of the date part refuses it.
  if (Number.isNaN(instant.getTime()) || (DATE_ONLY.test(value) && !sameCalendarDay(value, instant))) return null;
  return instant.toISOString();
}

function sameCalendarDay(date: string, midnightInChina: Date): boolean {
  return new Date(midnightInChina.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) === date;
}

export const listingQuerySchema = z.strictObject({
  updatedSince: z
    .string()
    .max(40)
    .refine((value) => storedInstant(value) !== null, {
      message: 'Expected a date (YYYY-MM-DD, midnight China time) or a date-time with Z or an offset',
      params: { zh: '应为日期 `YYYY-MM-DD`（按中国时间零点）或带 `Z` 或时区偏移的日期时间' },
    })
    .transform((value) => storedInstant(value)!)
    .optional()
    .describe(
      '只列出此时刻以后更新过的证书：日期（按中国时间零点）或带时区的日期时间。 Only certificates whose stored summary changed at or after this instant: a date (YYYY-MM-DD, from midnight China time) or an ISO date-time with Z or an offset.',
    ),
  authority: z
    .string()
    .trim()
    .max(30)
    .refine(isSelectableAuthority, {
      message: 'Expected an authority abbreviation (国, 粤 …) or the start of a current-format number (粤械注准, 粤穗械备 …)',
      params: { zh: '应为审批部门简称（国、粤等）或现行格式证号的开头（粤械注准、粤穗械备等）；旧式证号只能按简称筛选' },
    })
    .optional()
    .describe(
      '审批部门简称（国、粤等，含其旧式证号），或现行格式证号的开头（如粤械注准）。 An authority abbreviation (国, 粤 …: its legacy numbers included), or the start of a current-format number (粤械注准, 国械注进, 粤穗械备 …). Legacy numbers (药监械, 食药监械) are selected by abbreviation only.',
    ),
  cursor: z
    .string()
    .max(500)
    .optional()
    .describe(
      '翻页游标：上一页返回的 nextCursor，筛选条件须相同。 The nextCursor of the previous page, with the same filters. It pins the walk to the moment its first page was read.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LISTING_LIMIT_MAX)
    .default(100)
    .describe(`每页证书数。 Certificates per page, 1–${LISTING_LIMIT_MAX} (default 100).`),
});

export type ListingQuery = z.output<typeof listingQuerySchema>;

const view = certificateViewSchema.shape;

/** A certificate as the listing shows it: the lookup's number parts, status and `current` block, without the versions. */
export const listingItemSchema = z
  .object({
    canonical: view.canonical,
    number: parsedNumberSchema
      .pick({ family: true, authority: true, class: true, year: true })
      .describe('证号的组成部分。 Parts of the number.'),
    status: Status,
    datesKnown: view.datesKnown,
    current: view.current,
    updatedAt: z.string().describe('摘要最近一次变化的时间。 When the summary shown last changed (ISO timestamp, UTC).'),
  })
  .meta({ id: 'CertificateListingItem' });

export type ListingItem = z.output<typeof listingItemSchema>;

export const listingPageSchema = z
  .object({
    items: z.array(listingItemSchema).describe('本页证书，按匹配键排序。 This page of certificates, in match-key order.'),
    nextCursor: z
      .string()
      .nullable()
      .describe('下一页的游标；为空表示已列完。 Pass as `cursor` for the next page; null once the walk is complete.'),
    dataAsOf: z
      .string()
      .describe(
        '本次遍历的快照时刻（第一页读取的时间），每页相同。 When the walk’s first page was read (ISO timestamp): the listing holds the certificates that existed then. The same on every page of one walk.',
      ),
    changesCursor: z
      .string()
      .describe(
        '快照之后的变更从此继续：作为 GET /v1/changes 的 since 参数。 Pass as `since` to GET /v1/changes to get every change after the snapshot. The same on every page of one walk.',
      ),
  })
  .meta({ id: 'CertificateListingPage' });

export type ListingPage = z.output<typeof listingPageSchema>;
