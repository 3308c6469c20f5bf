import type { Form, ManagementClass } from '../src/numbers/number.types.ts';

/**
 * Number strings for the demo data, unique by construction: every serial comes from a counter per
 * bucket (the number's parts other than code and serial), so no set of issued numbers is kept,
 * even for a million certificates. Keeping serials unique without the code also means a re-coded
 * number never collides with another certificate's.
 */

/** Four-digit serials: 0001–9999. */
const SERIAL_SPACE = 9999;
/** Coprime with 9999, so `k ↦ k·STEP + offset (mod 9999)` visits every serial once. */
const STEP = 3001;

export class SerialAllocator {
  private readonly counters = new Map<string, number>();

  /**
   * The next serial in `bucket`, spread over 0001–9999 so that serials look issued rather than
   * counted; null when the bucket is full (the caller picks another year).
   */
  fourDigits(bucket: string): string | null {
    const k = this.counters.get(bucket) ?? 0;
    if (k >= SERIAL_SPACE) return null;
    this.counters.set(bucket, k + 1);
    return pad4(((k * STEP + offsetOf(bucket)) % SERIAL_SPACE) + 1);
  }

  /** Filing serials have four digits or more, so a full bucket grows a fifth digit instead. */
  filing(bucket: string): string {
    const k = this.counters.get(bucket) ?? 0;
    this.counters.set(bucket, k + 1);
    if (k < SERIAL_SPACE) return pad4(((k * STEP + offsetOf(bucket)) % SERIAL_SPACE) + 1);
    return String(k + 1);
  }
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

function offsetOf(bucket: string): number {
  let h = 0;
  for (let i = 0; i < bucket.length; i++) h = (h * 31 + bucket.charCodeAt(i)) >>> 0;
  return h % SERIAL_SPACE;
}

export interface RegistrationParts {
  authority: string;
  form: Form;
  year: number;
  managementClass: ManagementClass;
  code: string;
  serial: string;
}

/** `粤械注准20172010123` */
export function registrationNumber(p: RegistrationParts): string {
  return `${p.authority}械注${p.form}${p.year}${p.managementClass}${p.code}${p.serial}`;
}

/** `粤穗械备20180539`, `国械备20151134` (canonical: no 号). */
export function filingNumber(authority: string, city: string | null, year: number, serial: string): string {
  return `${authority}${city ?? ''}械备${year}${serial}`;
}

/** Filings printed `号` from 2014 to 2021, not after (docs/numbers.md §1). */
export function filingAsIssued(number: string, documentDate: string): string {
  return documentDate < '2022-01-01' ? `${number}号` : number;
}

/** `粤食药监械(准)字2013第2210203号`; Beijing's bureau printed 京药监械, without 食. */
export function legacy2004Number(p: RegistrationParts): string {
  const food = p.authority === '京' ? '' : '食';
  return `${p.authority}${food}药监械(${p.form})字${p.year}第${p.managementClass}${p.code}${p.serial}号`;
}

/**
 * `国药管械(准)字2003第3150123号`. Both legacy families must draw serials from one bucket: their
 * match keys ignore 食 and 药监/药管, and both families issued numbers in 2004.
 */
export function legacy2000Number(p: RegistrationParts): string {
  return `${p.authority}药管械(${p.form})字${p.year}第${p.managementClass}${p.code}${p.serial}号`;
}

/** Legacy certificates were printed with full-width brackets: （准）. */
export function legacyAsPrinted(number: string): string {
  return number.replace('(', '（').replace(')', '）');
}
