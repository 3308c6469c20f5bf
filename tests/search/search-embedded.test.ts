import { describe, expect, it } from 'vitest';
import { EmbeddedFacets } from '../../src/search/embedded/embedded-facets.ts';
import { codeFilter } from '../../src/search/embedded/facet-counter.ts';
import { ftsPlan } from '../../src/search/embedded/fts-query.ts';
import { buildTestApp, storeDocuments } from '../helpers/test-app.ts';
import { searchContract } from './search-contract.ts';
import { searchApp, TODAY } from './search-fixtures.ts';

describe('embedded search contract', () => {
  searchContract(() => searchApp());
});

describe('embedded facets beyond the exact limit', () => {
  it('keeps the total exact and estimates the facets from a sample, saying so', async () => {
    const ctx = await buildTestApp({ today: TODAY });
    try {
      const documents = Array.from({ length: 160 }, (_, i) => ({
        number: `${i % 2 === 0 ? '粤' : '京'}械注准2020214${String(1000 + i).padStart(4, '0')}`,
        documentType: 'registration' as const,
        productName: '一次性使用无菌导管',
        holder: '测试医疗器械有限公司',
        approvalDate: '2020-01-01',
        expiryDate: i % 4 === 0 ? '2025-01-01' : '2030-01-01',
      }));
      storeDocuments(ctx.services, documents);
      const sqlite = ctx.services.database.sqlite;
      const exact = new EmbeddedFacets(sqlite).count(ftsPlan('导管').union, codeFilter({}, TODAY), []);
      const sampled = new EmbeddedFacets(sqlite, { exactUpTo: 10 }).count(ftsPlan('导管').union, codeFilter({}, TODAY), []);
      expect(exact).toMatchObject({
        total: 160,
        facetsExact: true,
        facets: { authority: { 粤: 80, 京: 80 }, status: { valid: 120, expired: 40 } },
      });
      expect(sampled.total).toBe(160);
      expect(sampled.facetsExact).toBe(false);
      const estimate = (name: 'authority' | 'status'): number => Object.values(sampled.facets[name]).reduce((a, b) => a + b, 0);
      // Scaled to the exact total, so each facet adds up to it (up to rounding).
      expect(Math.abs(estimate('authority') - 160)).toBeLessThanOrEqual(2);
      expect(Object.keys(sampled.facets.authority).every((a) => a === '粤' || a === '京')).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});
