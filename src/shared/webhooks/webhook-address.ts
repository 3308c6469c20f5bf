import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The `last_error` prefix of a delivery refused for where it points (and the intake refusal's code). */
export const ADDRESS_REFUSED = 'callback_address_refused';

/**
 * A callback URL that points at this service's own network: loopback, private, link-local (cloud
 * metadata), CGNAT, unspecified, multicast or reserved addresses. Sending there would let a
 * requester make certref POST into places only certref can reach.
 */
export class CallbackAddressRefused extends Error {
  override name = 'CallbackAddressRefused';
  readonly code = ADDRESS_REFUSED;

  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(host === address ? `${address} is a ${range} address` : `${host} resolves to ${address}, a ${range} address`);
  }
}

/** One resolved address, as `dns.lookup` with `all: true` answers. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type AddressResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every address the system resolver gives (as a connection would use: /etc/hosts included). */
export const systemResolver: AddressResolver = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, order: 'verbatim' })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * The special-purpose range an address is in, or null when it is an ordinary public unicast
 * address. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64) are judged by it.
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'unparseable';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'ipv4Mapped') return refusedRange(v6.toIPv4Address().toString());
  // Well-known NAT64 prefix (64:ff9b::/96): what DNS64 answers for IPv4-only hosts.
  if (range === 'rfc6052' && v6.match(NAT64_PREFIX, 96)) return refusedRange(embeddedIPv4(v6));
  // ::a.b.c.d (deprecated IPv4-compatible form); ::1 and :: are in their own ranges above.
  if (range === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  return range === 'unicast' ? null : range;
}

const NAT64_PREFIX = ipaddr.IPv6.parse('64:ff9b::');

function embeddedIPv4(v6: ipaddr.IPv6): string {
  const [high = 0, low = 0] = v6.parts.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The host of a URL as an address or a name: no IPv6 brackets, no trailing dot, lower case. */
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

export type IntakeRefusal = 'callback_scheme_refused' | typeof ADDRESS_REFUSED;

/**
 * What can be said of a callback URL without asking DNS: its scheme, and (unless private
 * addresses are allowed) whether it names a literal non-public address or `localhost`. Names that
 * resolve to such addresses are refused at delivery. Null: keep the URL.
 */
export function intakeRefusal(url: string, options: { allowPrivate: boolean }): IntakeRefusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'callback_scheme_refused';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'callback_scheme_refused';
  if (options.allowPrivate) return null;
  // The URL parser has already turned 0x7f.1, 2130706433 and friends into dotted quads.
  const host = hostOf(parsed);
  if (isLocalhostName(host)) return ADDRESS_REFUSED;
  return ipaddr.isValid(host) && refusedRange(host) !== null ? ADDRESS_REFUSED : null;
}

/**
 * Resolves the host of a callback URL to every address it has and refuses the lot when any of them
 * is not public (unless private addresses are allowed). Returns the addresses to connect to: the
 * request must use exactly these (see `pinnedLookup`) so a second, different DNS answer cannot
 * slip in between the check and the connection.
 */
export async function checkedAddresses(
  url: URL,
  options: { allowPrivate: boolean; resolve?: AddressResolver },
): Promise<ResolvedAddress[]> {
  const host = hostOf(url);
  const literal = ipaddr.isValid(host) ? ipaddr.parse(host) : null;
  const addresses: ResolvedAddress[] = literal
    ? [{ address: literal.toString(), family: literal.kind() === 'ipv6' ? 6 : 4 }]
    : await (options.resolve ?? systemResolver)(host);
  if (options.allowPrivate) return addresses;
  for (const { address } of addresses) {
    const range = refusedRange(address);
    if (range !== null) throw new CallbackAddressRefused(host, address, range);
  }
  return addresses;
}

/**
 * A `lookup` for http.request that answers only the addresses already checked, whatever the
 * name: the connection goes where the check said it may. (A literal IP host never reaches a
 * lookup; it is checked as it stands.)
 */
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (wanted.length === 0) {
      const error = Object.assign(new Error(`no checked address for ${hostname}`), { code: 'ENOTFOUND' }) as NodeJS.ErrnoException;
      callback(error, '', 0);
      return;
    }
    if (options.all) (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, wanted);
    else callback(null, wanted[0]!.address, wanted[0]!.family);
  };
}
