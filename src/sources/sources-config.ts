import fs from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../certificates/version-input.ts';

const CronExpression = z.string().refine((value) => cron.validate(value), { message: 'not a valid cron expression' });

const common = {
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes')
    .describe('Stable name: provenance says `html:<name>`, the job is `source:<name>`.'),
  description: z.string().optional(),
  enabled: z.boolean().default(true).describe('A disabled source is listed in /v1/status but never scheduled.'),
  schedule: CronExpression.describe('When the job runs (cron, in TIMEZONE).'),
  minIntervalMs: z.number().int().min(0).optional().describe('Pause between requests to this host; HTTP_MIN_INTERVAL_MS unless set.'),
  timeoutMs: z.number().int().min(100).optional().describe('Per request; HTTP_TIMEOUT_MS unless set.'),
  retries: z.number().int().min(0).max(10).optional().describe('Retries after a timeout, network error or 5xx; HTTP_RETRIES unless set.'),
  charset: z.string().optional().describe('Forces a charset when the server lies about it (e.g. gbk).'),
  documentType: z
    .enum(DOCUMENT_TYPES)
    .exclude(['record'])
    .optional()
    .describe('What the pages list when the page does not say (e.g. change for a list of 变更注册).'),
  notFoundText: z
    .array(z.string().min(1))
    .default(['暂无数据', '没有相关数据', '查询无结果', '没有找到', '无相关信息'])
    .describe('Texts that mean "no such certificate here", not a broken layout.'),
};

/** A per-certificate page (NMPA datasearch): a label/value table. Fetched per number, never crawled. */
export const detailSourceSchema = z.strictObject({
  ...common,
  shape: z.literal('detail'),
  url: z.string().includes('{number}').describe('URL template; {number} is replaced by the URL-encoded canonical number.'),
  numbers: z.array(z.string()).default([]).describe('Numbers to check on every run.'),
  datesUnknown: z.boolean().default(false).describe('Also check certificates known only from undated sources (UDI), oldest check first.'),
  maxPerRun: z.number().int().min(1).max(10_000).default(50).describe('At most this many pages per run.'),
  recheckDays: z.number().int().min(0).default(30).describe('A dates-unknown certificate is not checked again sooner.'),
});

/** A list of approvals (a provincial announcement): a table whose header names the columns, paginated. */
export const announcementSourceSchema = z.strictObject({
  ...common,
  shape: z.literal('announcement'),
  url: z.url().describe('The first page.'),
  pageUrl: z.string().includes('{page}').optional().describe('Template for pages 2, 3 …; without it the 下一页 link is followed.'),
  maxPages: z.number().int().min(1).max(1000).default(20).describe('Pages per run at most.'),
});

export const sourceSchema = z.discriminatedUnion('shape', [detailSourceSchema, announcementSourceSchema]);
const sourcesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(sourceSchema).default([]),
});

export type SourceDefinition = z.output<typeof sourceSchema>;
export type DetailSource = z.output<typeof detailSourceSchema>;
export type AnnouncementSource = z.output<typeof announcementSourceSchema>;

class SourcesConfigError extends Error {
  override name = 'SourcesConfigError';
}

/** Reads and checks the sources file; a missing file means no HTML sources, a bad one stops the start. */
export function loadSources(file: string | null): SourceDefinition[] {
  if (!file || !fs.existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SourcesConfigError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseSources(json, file);
}

function parseSources(json: unknown, origin = 'sources'): SourceDefinition[] {
  const parsed = sourcesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SourcesConfigError(`${origin}: invalid sources file:\n  ${problems.join('\n  ')}`);
  }
  const names = new Set<string>();
  for (const source of parsed.data.sources) {
    if (names.has(source.name)) throw new SourcesConfigError(`${origin}: source name "${source.name}" appears twice`);
    names.add(source.name);
  }
  return parsed.data.sources;
}
