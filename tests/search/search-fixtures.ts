import type { SearchConfig } from '../../src/config/config.ts';
import { buildTestApp, storeDocuments, type TestContext } from '../helpers/test-app.ts';

/** Today for every search test: status (valid/expired) is measured against it. */
export const TODAY = '2026-11-25';

/**
 * Eight certificates chosen so that one query can hit several tiers: `3140` is inside a number,
 * two product names and a holder; `导管` is in product names and a holder; one product name
 * carries a whole certificate number.
 */
export const CERTIFICATES = {
  catheter: {
    number: '粤械注准20172010123',
    documentType: 'registration',
    productName: '中心静脉导管',
    holder: '广州安心医疗器械有限公司',
    approvalDate: '2017-03-01',
    expiryDate: '2027-02-28',
  },
  filing: {
    number: '粤穗械备20180539号',
    documentType: 'filing',
    productName: '医用棉签',
    holder: '广州导管科技有限公司',
    approvalDate: '2018-05-01',
  },
  stent: {
    number: '国械注准20193140123',
    documentType: 'registration',
    productName: '冠状动脉药物洗脱支架系统',
    holder: '深圳迈瑞生物医疗电子股份有限公司',
    approvalDate: '2019-06-01',
    expiryDate: '2024-05-31',
  },
  imported: {
    number: '国械注进20162705149',
    documentType: 'registration',
    productName: '输尿管支架',
    holder: 'Boston Scientific Corporation',
    approvalDate: '2016-12-01',
    expiryDate: '2026-12-31',
  },
  monitor: {
    number: '京械注准20172080620',
    documentType: 'record',
    productName: '3140型多参数监护仪',
    holder: '北京康泰医疗设备有限公司',
  },
  coldPack: {
    number: '沪械注准20212040585',
    documentType: 'registration',
    productName: '医用冷敷贴',
    holder: '上海3140生物科技有限公司',
    approvalDate: '2021-01-02',
    expiryDate: '2026-01-01',
  },
  legacy: {
    number: '粤食药监械(准)字2013第2210203号',
    documentType: 'registration',
    productName: '医用导管固定器',
    holder: '深圳导航医疗有限公司',
    approvalDate: '2013-01-02',
    expiryDate: '2017-01-01',
  },
  sheath: {
    number: '苏械注准20162220838',
    documentType: 'registration',
    productName: '国械注准20193140123配套导管鞘',
    holder: '苏州康复器械有限公司',
    approvalDate: '2016-02-01',
    expiryDate: '2030-01-31',
  },
} as const;

export type FixtureName = keyof typeof CERTIFICATES;

/** Canonical numbers, as search answers them. */
export const CANONICAL: Record<FixtureName, string> = {
  catheter: '粤械注准20172010123',
  filing: '粤穗械备20180539',
  stent: '国械注准20193140123',
  imported: '国械注进20162705149',
  monitor: '京械注准20172080620',
  coldPack: '沪械注准20212040585',
  legacy: '粤食药监械(准)字2013第2210203号',
  sheath: '苏械注准20162220838',
};

export interface SearchHitBody {
  canonical: string;
  matchedBy: string;
  status: string;
  highlights: { field: string; fragment: string }[];
}

export interface SearchBody {
  hits: SearchHitBody[];
  total: number;
  facets: Record<'authority' | 'class' | 'status' | 'family', { value: string; count: number }[]>;
  facetsExact: boolean;
  nextCursor: string | null;
  engine: string;
}

/** A test app holding the fixtures, on the engine the config names; `catchUp` drains the outbox into Meilisearch. */
export async function searchApp(options: { search?: SearchConfig; today?: string; catchUp?: boolean } = {}): Promise<TestContext> {
  const ctx = await buildTestApp({
    today: options.today ?? TODAY,
    ...(options.search ? { config: { search: options.search } } : {}),
  });
  storeDocuments(
    ctx.services,
    Object.values(CERTIFICATES).map((c) => ({ ...c })),
  );
  if (options.catchUp) await ctx.services.search.drainOutbox();
  return ctx;
}

export async function search(ctx: TestContext, query: Record<string, string | number>): Promise<SearchBody> {
  const response = await ctx.app.inject({
    url: '/v1/search',
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  });
  if (response.statusCode !== 200) throw new Error(`search ${JSON.stringify(query)} answered ${response.statusCode}: ${response.body}`);
  return response.json() as SearchBody;
}

/** Facet values as a plain record, for comparisons that do not care about order. */
export function facet(body: SearchBody, name: keyof SearchBody['facets']): Record<string, number> {
  return Object.fromEntries(body.facets[name].map((f) => [f.value, f.count]));
}

export const RANK = ['number', 'number_prefix', 'number_fragment', 'product_name', 'holder'];

/** The hits grouped by tier, each tier as a sorted set of canonical numbers (order within a tier is the engine's). */
export function tiers(body: SearchBody): [string, string[]][] {
  const grouped = new Map<string, string[]>();
  for (const hit of body.hits) grouped.set(hit.matchedBy, [...(grouped.get(hit.matchedBy) ?? []), hit.canonical]);
  return [...grouped.entries()].map(([tier, canonicals]) => [tier, canonicals.sort()]);
}
