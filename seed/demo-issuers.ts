import type { Form, ManagementClass } from '../src/numbers/number.types.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { type Issuer, pickOtherProvince } from './demo-parties.ts';
import type { Rng } from './prng.ts';
import { nationalDepartment, provincialDepartment } from './vocabulary/departments.ts';
import { GUANGDONG } from './vocabulary/regions.ts';

/**
 * Who issues what, with what weight. Guangdong is heavily represented (about 30% of everything
 * once filings and legacy numbers are counted), because the service's users are there.
 */
interface IssuerChoice {
  issuer: Issuer;
  managementClass: ManagementClass;
}

type Choice = 'guangdong' | 'province' | '准' | '进' | '许';

const REGISTRATION_ISSUERS: readonly (readonly [Choice, number])[] = [
  ['guangdong', 22],
  ['province', 48],
  ['准', 16],
  ['进', 12],
  ['许', 2],
];
const LEGACY_ISSUERS: readonly (readonly [Choice, number])[] = [
  ['guangdong', 21],
  ['province', 40],
  ['准', 21],
  ['进', 16],
  ['许', 2],
];
/** Class I filings: Guangdong's cities, other provinces' cities, imported filings (国械备). */
const FILING_ISSUERS: readonly (readonly [Choice, number])[] = [
  ['guangdong', 50],
  ['province', 38],
  ['进', 12],
];

function issuerOf(rng: Rng, choice: Choice): Issuer {
  if (choice === 'guangdong') return { scope: 'province', province: GUANGDONG };
  if (choice === 'province') return { scope: 'province', province: pickOtherProvince(rng) };
  return { scope: 'national', form: choice };
}

/** Provinces register class II; 国…准 is class III; imports and HMT products class II or III. */
export function registrationIssuer(rng: Rng): IssuerChoice {
  const issuer = issuerOf(rng, rng.weighted(REGISTRATION_ISSUERS));
  const managementClass: ManagementClass = issuer.scope === 'province' ? 2 : issuer.form === '准' ? 3 : rng.chance(0.55) ? 3 : 2;
  return { issuer, managementClass };
}

/** As registrations, but imported class I products were registered too before filings existed. */
export function legacyIssuer(rng: Rng): IssuerChoice {
  const issuer = issuerOf(rng, rng.weighted(LEGACY_ISSUERS));
  if (issuer.scope === 'province') return { issuer, managementClass: 2 };
  if (issuer.form === '准') return { issuer, managementClass: 3 };
  const managementClass = rng.weighted(
    issuer.form === '进'
      ? ([
          [1, 15],
          [2, 40],
          [3, 45],
        ] as const)
      : ([
          [2, 1],
          [3, 1],
        ] as const),
  );
  return { issuer, managementClass };
}

export function filingIssuer(rng: Rng): Issuer {
  return issuerOf(rng, rng.weighted(FILING_ISSUERS));
}

export function authorityOf(issuer: Issuer): string {
  return issuer.scope === 'province' ? issuer.province.abbr : '国';
}

export function formOf(issuer: Issuer): Form {
  return issuer.scope === 'province' ? '准' : issuer.form;
}

export function approvalDepartment(issuer: Issuer, date: IsoDate): string {
  return issuer.scope === 'province' ? provincialDepartment(issuer.province, date) : nationalDepartment(date);
}
