import type { Family, ManagementClass } from '../src/numbers/number.types.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import {
  allocateInYears,
  currentEra,
  dateInYear,
  LEGACY2000_ERA,
  LEGACY2004_ERA,
  NEW_RULES_FROM,
  newRulesActivity,
  yearWeights,
} from './demo-calendar.ts';
import { addDays, dateBetween, validityEnd, yearOf } from './demo-dates.ts';
import { certificateFields, type DocDraft, type HistoryContext, newProduct, type ProductState } from './demo-drafts.ts';
import { approvalDepartment, authorityOf, filingIssuer, formOf, legacyIssuer, registrationIssuer } from './demo-issuers.ts';
import {
  filingNumber,
  legacy2000Number,
  legacy2004Number,
  legacyAsPrinted,
  type RegistrationParts,
  SerialAllocator,
} from './demo-numbers.ts';
import { domesticParty, foreignParty, type Issuer, partyFor } from './demo-parties.ts';
import { changeCount, changeDates, changeDocument, drawChange } from './history-changes.ts';
import { filingHistory } from './history-filing.ts';
import { registrationHistory } from './history-registration.ts';
import type { Rng } from './prng.ts';
import { filingDepartment, nationalDepartment } from './vocabulary/departments.ts';
import { catalogueCode, pickKind } from './vocabulary/products.ts';

/** One certificate's documents, with the family its number belongs to. */
export interface DemoCertificate {
  family: Family;
  docs: DocDraft[];
}

/** Legacy certificates were valid four years (SFDA Order 16 of 2004, SDA Order 16 of 2000). */
const LEGACY_YEARS = 4;
/** Share of legacy certificates re-registered before they expired (the rest lapsed). */
const REREGISTRATION_RATE = 0.55;

/**
 * Builds lineages: a product's certificates from its first number to its last, a legacy number
 * linked to the number that replaced it. Numbers come from one allocator, so they never repeat.
 */
export class LineageFactory {
  private readonly allocator = new SerialAllocator();
  private readonly newRuleYears: [number, number][];
  private readonly legacy2004Years = yearWeights(LEGACY2004_ERA);
  private readonly legacy2000Years = yearWeights(LEGACY2000_ERA);

  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
    private readonly today: IsoDate,
  ) {
    this.newRuleYears = yearWeights(currentEra(today), newRulesActivity);
  }

  registration(): DemoCertificate[] {
    const { rng } = this;
    const { issuer, managementClass } = registrationIssuer(rng);
    const slot = allocateInYears(rng, this.newRuleYears, (year) => this.registrationSerial(issuer, year, managementClass));
    if (!slot) throw new Error('demo registration numbers exhausted: lower the count');
    const approval = dateInYear(rng, currentEra(this.today), slot.year);
    const kind = pickKind(rng, managementClass, approval);
    const state = newProduct(rng, kind, partyFor(rng, this.seed, issuer));
    const parts = this.parts(issuer, slot.year, managementClass, catalogueCode(kind, approval), slot.serial);
    return this.registrationCertificates(issuer, parts, approval, state);
  }

  filing(): DemoCertificate[] {
    const { rng } = this;
    const issuer = filingIssuer(rng);
    const party = issuer.scope === 'province' ? domesticParty(rng, this.seed, issuer.province) : foreignParty(rng, '进');
    const city = issuer.scope === 'province' && !issuer.province.municipality ? (party.city?.filingAbbr ?? null) : null;
    const authority = authorityOf(issuer);
    // Filing serials grow a fifth digit rather than run out, so every year always has room.
    const slot = allocateInYears(rng, this.newRuleYears, (y) => this.filingSerial(authority, city, y));
    if (!slot) throw new Error('unreachable: filing buckets never fill');
    const { year, serial } = slot;
    const date = dateInYear(rng, currentEra(this.today), year);
    const state = newProduct(rng, pickKind(rng, 1, date), party);
    return [this.filingCertificate(issuer, filingNumber(authority, city, year, serial), date, state)];
  }

  legacy(family: 'legacy2004' | 'legacy2000'): DemoCertificate[] {
    const { rng } = this;
    const { issuer, managementClass } = legacyIssuer(rng);
    const era = family === 'legacy2004' ? LEGACY2004_ERA : LEGACY2000_ERA;
    const years = family === 'legacy2004' ? this.legacy2004Years : this.legacy2000Years;
    const slot = allocateInYears(rng, years, (year) => this.legacySerial(issuer, year, managementClass));
    if (!slot) throw new Error('demo legacy numbers exhausted: lower the count');
    const approval = dateInYear(rng, era, slot.year);
    const kind = pickKind(rng, managementClass, approval);
    const state = newProduct(rng, kind, partyFor(rng, this.seed, issuer));
    const parts = this.parts(issuer, slot.year, managementClass, kind.code2002, slot.serial);
    return this.legacyCertificates(family, issuer, parts, approval, state, undefined);
  }

  /** A legacy certificate and, when it was re-registered in time, whatever replaced it. */
  private legacyCertificates(
    family: 'legacy2004' | 'legacy2000',
    issuer: Issuer,
    parts: RegistrationParts,
    approval: IsoDate,
    state: ProductState,
    previousNumbers: string[] | undefined,
  ): DemoCertificate[] {
    const { rng } = this;
    const number = family === 'legacy2004' ? legacy2004Number(parts) : legacy2000Number(parts);
    const expiry = validityEnd(approval, LEGACY_YEARS);
    const department = (date: IsoDate) => approvalDepartment(issuer, date);
    const docs: DocDraft[] = [
      {
        number,
        asIssued: legacyAsPrinted(number),
        documentType: 'registration',
        approvalDate: approval,
        expiryDate: expiry,
        ...certificateFields(state, department(approval)),
        remarks: previousNumbers ? `原注册证编号：${previousNumbers.join('、')}` : null,
        ...(previousNumbers ? { previousNumbers } : {}),
      },
    ];
    // Decided first, so that no change document postdates the re-registration.
    let again: IsoDate | null = null;
    if (rng.chance(REREGISTRATION_RATE)) {
      again = dateBetween(rng, addDays(expiry, -120), addDays(expiry, -5));
      if (again > this.today) again = null;
    }
    let current = state;
    const changesUntil = again ? addDays(again, -1) : addDays(expiry, -30);
    for (const date of changeDates(rng, addDays(approval, 30), changesUntil, Math.min(1, changeCount(rng)))) {
      const change = drawChange(rng, current, '注册人');
      current = change.state;
      docs.push(changeDocument(number, legacyAsPrinted(number), date, expiry, change, department(date)));
    }
    const certificate: DemoCertificate = { family, docs };
    if (!again) return [certificate];
    return [certificate, ...this.successor(issuer, parts, again, current, [number])];
  }

  /** The number a re-registration on `date` got: legacy before the new rules, new-format after. */
  private successor(issuer: Issuer, old: RegistrationParts, date: IsoDate, state: ProductState, previous: string[]): DemoCertificate[] {
    const year = yearOf(date);
    if (date < NEW_RULES_FROM) {
      const family = date < LEGACY2004_ERA.from ? 'legacy2000' : 'legacy2004';
      const serial = this.legacySerial(issuer, year, old.managementClass);
      if (!serial) return [];
      const parts = { ...old, year, serial };
      return this.legacyCertificates(family, issuer, parts, date, state, previous);
    }
    if (old.managementClass === 1) {
      // Imported class I products were filed, not registered, under the new rules.
      const number = filingNumber('国', null, year, this.filingSerial('国', null, year));
      return [this.filingCertificate(issuer, number, date, state, previous)];
    }
    const serial = this.registrationSerial(issuer, year, old.managementClass);
    if (!serial) return [];
    const parts = { ...old, year, code: catalogueCode(state.kind, date), serial };
    return this.registrationCertificates(issuer, parts, date, state, previous);
  }

  private registrationCertificates(
    issuer: Issuer,
    parts: RegistrationParts,
    approval: IsoDate,
    state: ProductState,
    previousNumbers?: string[],
  ): DemoCertificate[] {
    const context = this.context((date) => approvalDepartment(issuer, date));
    const docs = registrationHistory(context, { parts, approval, state, ...(previousNumbers ? { previousNumbers } : {}) });
    return splitByNumber(docs).map((group) => ({ family: 'registration', docs: group }));
  }

  private filingCertificate(
    issuer: Issuer,
    number: string,
    date: IsoDate,
    state: ProductState,
    previousNumbers?: string[],
  ): DemoCertificate {
    const { province, city } = state.party;
    const department = (d: IsoDate) =>
      issuer.scope === 'province' && province && city ? filingDepartment(province, city, d) : nationalDepartment(d);
    const docs = filingHistory(this.context(department), { number, date, state, ...(previousNumbers ? { previousNumbers } : {}) });
    return { family: 'filing', docs };
  }

  private context(department: (date: IsoDate) => string): HistoryContext {
    return { rng: this.rng, today: this.today, department };
  }

  private parts(issuer: Issuer, year: number, managementClass: ManagementClass, code: string, serial: string): RegistrationParts {
    return { authority: authorityOf(issuer), form: formOf(issuer), year, managementClass, code, serial };
  }

  private registrationSerial(issuer: Issuer, year: number, managementClass: ManagementClass): string | null {
    return this.allocator.fourDigits(`R|${authorityOf(issuer)}|${formOf(issuer)}|${year}|${managementClass}`);
  }

  private filingSerial(authority: string, city: string | null, year: number): string {
    return this.allocator.filing(`F|${authority}|${city ?? ''}|${year}`);
  }

  /** One bucket for both legacy families: their match keys ignore 食 and 药监/药管. */
  private legacySerial(issuer: Issuer, year: number, managementClass: ManagementClass): string | null {
    return this.allocator.fourDigits(`L|${authorityOf(issuer)}|${formOf(issuer)}|${year}|${managementClass}`);
  }
}

/** Groups consecutive documents by number: a re-coded renewal starts a certificate of its own. */
function splitByNumber(docs: readonly DocDraft[]): DocDraft[][] {
  const groups: DocDraft[][] = [];
  for (const doc of docs) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.number === doc.number) last.push(doc);
    else groups.push([doc]);
  }
  return groups;
}
