import { describe, expect, it } from 'vitest';
import { AUTHORITIES, authorityByCode } from '../../src/numbers/reference/authorities.ts';
import { likelyAuthoritiesFor } from '../../src/numbers/reference/authority-lookalikes.ts';
import { REFERENCE_LISTING } from '../../src/numbers/reference/reference-listing.ts';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../src/numbers/text/traditional.ts';

describe('reference data', () => {
  it('lists every authority, Guangdong city and catalogue code', () => {
    expect(REFERENCE_LISTING.authorities).toHaveLength(33);
    expect(REFERENCE_LISTING.authorities[0]).toEqual({ abbr: '国', name: '国家药品监督管理局', seenInRealNumbers: true });
    expect(REFERENCE_LISTING.authorities.find((a) => a.abbr === '滇')?.seenInRealNumbers).toBe(false);
    expect(REFERENCE_LISTING.guangdongCities).toHaveLength(21);
    expect(REFERENCE_LISTING.guangdongCities.find((c) => c.city === '广州市')?.prefix).toBe('粤穗');
    expect(REFERENCE_LISTING.guangdongCities.find((c) => c.city === '汕尾市')?.prefix).toBeNull();
    expect(REFERENCE_LISTING.catalogues['2002']).toHaveLength(43);
    expect(REFERENCE_LISTING.catalogues['2017']).toHaveLength(22);
    expect(REFERENCE_LISTING.catalogues.ivd).toEqual({ code: '40', name: '体外诊断试剂' });
  });

  it('is JSON as it stands, for the HTTP layer to return', () => {
    expect(JSON.parse(JSON.stringify(REFERENCE_LISTING))).toEqual(REFERENCE_LISTING);
  });

  it('is frozen, so no caller can change what every other caller sees', () => {
    expect(Object.isFrozen(REFERENCE_LISTING.authorities)).toBe(true);
    expect(Object.isFrozen(REFERENCE_LISTING.authorities[0])).toBe(true);
  });

  it('keeps look-alikes and traditional forms apart from real abbreviations', () => {
    const abbreviations = new Set(AUTHORITIES.map((a) => a.abbr));
    for (const a of AUTHORITIES) {
      for (const likely of likelyAuthoritiesFor(a.abbr)) expect(abbreviations.has(likely)).toBe(true);
      expect(likelyAuthoritiesFor(a.abbr)).toEqual([]);
    }
    for (const traditional of Object.keys(TRADITIONAL_TO_SIMPLIFIED)) {
      expect(authorityByCode(traditional.charCodeAt(0))).toBeUndefined();
    }
  });
});
