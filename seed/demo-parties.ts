import type { Form } from '../src/numbers/number.types.ts';
import { type Rng, WeightedTable } from './prng.ts';
import { domesticHolder, holderPoolSize } from './vocabulary/domestic-holders.ts';
import { HMT_HOLDERS, IMPORTED_HOLDERS } from './vocabulary/foreign-holders.ts';
import { ALL_PROVINCES, type City, GUANGDONG, OTHER_PROVINCES, type Province } from './vocabulary/regions.ts';

/** Who issues a number: a province (粤 …) or the national administration with a form. */
export type Issuer = { scope: 'province'; province: Province } | { scope: 'national'; form: Form };

/** The registrant (and, for imported products, the domestic agent) named on a certificate. */
export interface Party {
  holder: string;
  holderAddress: string;
  productionAddress: string;
  agentName: string | null;
  agentAddress: string | null;
  /** Where a domestic holder sits; null for foreign ones. */
  province: Province | null;
  city: City | null;
}

/** Holders per province: Guangdong's manufacturers are many, the others' fewer, by weight. */
const GUANGDONG_HOLDERS = 10_000;
const HOLDERS_PER_WEIGHT = 300;

const OTHER_PROVINCE_TABLE = new WeightedTable(OTHER_PROVINCES.map((p) => [p, p.weight] as const));
/** Domestic class III makers (国械注准) sit everywhere, Guangdong among the first. */
const NATIONAL_MAKER_TABLE = new WeightedTable(ALL_PROVINCES.map((p) => [p, p === GUANGDONG ? 12 : p.weight] as const));
const CITY_TABLES = new Map(ALL_PROVINCES.map((p) => [p, new WeightedTable(p.cities.map((c) => [c, c.weight] as const))]));

export function pickOtherProvince(rng: Rng): Province {
  return OTHER_PROVINCE_TABLE.pick(rng);
}

function pickNationalMakerProvince(rng: Rng): Province {
  return NATIONAL_MAKER_TABLE.pick(rng);
}

/** A domestic holder in `province`, reused across certificates (see domesticHolder). */
export function domesticParty(rng: Rng, seed: number, province: Province, city?: City): Party {
  const where = city ?? (CITY_TABLES.get(province) as WeightedTable<City>).pick(rng);
  const share = province === GUANGDONG ? GUANGDONG_HOLDERS : province.weight * HOLDERS_PER_WEIGHT;
  const index = rng.int(0, holderPoolSize(province, where, share) - 1);
  const holder = domesticHolder(seed, province, where, index);
  return {
    holder: holder.name,
    holderAddress: holder.address,
    productionAddress: holder.productionAddress,
    agentName: null,
    agentAddress: null,
    province,
    city: where,
  };
}

/** A foreign registrant for 进 (imported) or 许 (Hong Kong, Macao, Taiwan) products. */
export function foreignParty(rng: Rng, form: '进' | '许'): Party {
  const holder = rng.pick(form === '许' ? HMT_HOLDERS : IMPORTED_HOLDERS);
  return {
    holder: holder.name,
    holderAddress: holder.address,
    productionAddress: holder.productionAddress,
    agentName: holder.agentName,
    agentAddress: holder.agentAddress,
    province: null,
    city: null,
  };
}

/** The party an issuer's certificate names: domestic for provinces and 国…准, foreign otherwise. */
export function partyFor(rng: Rng, seed: number, issuer: Issuer): Party {
  if (issuer.scope === 'province') return domesticParty(rng, seed, issuer.province);
  if (issuer.form === '准') return domesticParty(rng, seed, pickNationalMakerProvince(rng));
  return foreignParty(rng, issuer.form);
}
