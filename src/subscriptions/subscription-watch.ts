import { invalidCertificateNumber, multipleNumbers } from '../certificates/certificates.errors.ts';
import { normalise } from '../numbers/normalise.ts';
import { AUTHORITIES } from '../numbers/reference/authorities.ts';
import { invalidSubscriptionPrefix } from './subscriptions.errors.ts';

/** A watched number: shown as canonical, matched by match key (so legacy spellings join it). */
export interface WatchedNumber {
  canonical: string;
  matchKey: string;
}

export interface Watch {
  numbers: WatchedNumber[] | null;
  holders: string[] | null;
  prefixes: string[] | null;
}

/** Holders are compared as typed on certificates, give or take width and spacing. */
export function holderKey(holder: string): string {
  return holder.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const AUTHORITY_ABBRS = new Set(AUTHORITIES.map((a) => a.abbr));
/** 粤械注准, 国械注进, 粤械备, 国食药监械 …: an authority, then Chinese characters, with 械 among them. */
const PREFIX_SHAPE = /^[\p{Script=Han}()]{2,16}$/u;

function cleanPrefix(prefix: string): string {
  return prefix.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Whether a number starts with a watched prefix. A Guangdong (or other province's) filing carries
 * its city after the authority (粤穗械备…), so `粤械备` also matches it without the city.
 */
export function prefixMatches(prefix: string, canonical: string): boolean {
  if (canonical.startsWith(prefix)) return true;
  return /^.[^械]械备/u.test(canonical) && `${canonical[0]}${canonical.slice(2)}`.startsWith(prefix);
}

/** The watch of a new subscription, numbers through the engine: an invalid one is refused with its diagnosis. */
export function parseWatch(
  input: { numbers?: string[] | undefined; holders?: string[] | undefined; prefixes?: string[] | undefined },
  currentYear: number,
): Watch {
  const numbers = input.numbers?.map((typed): WatchedNumber => {
    const result = normalise(typed, { currentYear });
    const [first, ...more] = result.numbers;
    if (!first)
      throw invalidCertificateNumber(typed, result.error ?? { reason: 'unrecognised', message: UNRECOGNISED, suggestions: [] }, []);
    if (more.length > 0) throw multipleNumbers(result.numbers, 'batch');
    return { canonical: first.canonical, matchKey: first.matchKey };
  });
  const prefixes = input.prefixes?.map((typed) => {
    const prefix = cleanPrefix(typed);
    if (!PREFIX_SHAPE.test(prefix) || !AUTHORITY_ABBRS.has(prefix[0] ?? '') || !prefix.includes('械'))
      throw invalidSubscriptionPrefix(typed);
    return prefix;
  });
  const holders = input.holders?.map(holderKey);
  return {
    numbers: numbers ? dedupe(numbers, (n) => n.matchKey) : null,
    holders: holders ? [...new Set(holders)] : null,
    prefixes: prefixes ? [...new Set(prefixes)] : null,
  };
}

const UNRECOGNISED = { zh: '无法识别为证书编号', en: 'not recognised as a certificate number' };

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
