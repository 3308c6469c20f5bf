import type { VersionInput } from '../src/certificates/version-input.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { addDays } from './demo-dates.ts';

/** Which demo certificate a demo device names: chosen by how it stands on the reference date. */
export type DemoDeviceRole = 'in_effect' | 'expired' | 'filing';

/** A UDI device record for the demo, in the fields an NMPA download carries. */
export interface DemoDevice {
  recordKey: string;
  di: string;
  /** 产品标识编码体系名称, as NMPA spells it. */
  issuerName: 'GS1' | 'MA码(IDcode)';
  role: DemoDeviceRole;
  certificate: string;
  productName: string | null;
  holder: string | null;
  modelSpec: string | null;
  /** The pack this DI identifies: two DIs of one certificate differ by it. */
  pack: string;
}

/**
 * The demo devices' DIs: GS1 GTIN-14s (check digits correct, GS1 China's 69 prefix, an invented
 * company) and one MA code. README.md and seed/README.md list them with sample scans.
 */
const DEMO_DIS: readonly { di: string; issuerName: DemoDevice['issuerName']; role: DemoDeviceRole; pack: string }[] = [
  { di: '06970999000104', issuerName: 'GS1', role: 'in_effect', pack: '单支' },
  { di: '06970999000272', issuerName: 'GS1', role: 'in_effect', pack: '10支/盒' },
  { di: '06970999000340', issuerName: 'GS1', role: 'expired', pack: '单台' },
  { di: '06970999000418', issuerName: 'GS1', role: 'filing', pack: '单件' },
  { di: 'MA.156.M0.100999.10000017', issuerName: 'MA码(IDcode)', role: 'in_effect', pack: '单支' },
];

/** How far into the generated certificates to look: each role turns up within the first few dozen. */
const SEARCHED = 1_000;

/**
 * Picks, among the first demo certificates, a Guangdong registration in effect for years yet, one
 * long expired and never renewed, and a Guangdong filing, and gives each its demo DIs. Judged on
 * `referenceDate`, the date the histories are built around, so the same certificates are picked
 * whatever today is; a role with no certificate in `certificates` gets no device.
 */
export function demoDevices(certificates: Iterable<VersionInput[]>, referenceDate: IsoDate): DemoDevice[] {
  const picked = new Map<DemoDeviceRole, VersionInput[]>();
  const replaced = new Set<string>();
  const expired: VersionInput[][] = [];
  let seen = 0;
  for (const docs of certificates) {
    if (++seen > SEARCHED) break;
    for (const doc of docs) for (const previous of doc.previousNumbers ?? []) replaced.add(previous.canonical);
    const role = roleOf(docs, referenceDate);
    if (role === 'expired') expired.push(docs);
    else if (role && !picked.has(role)) picked.set(role, docs);
  }
  const neverRenewed = expired.find((docs) => !replaced.has(docs[0]!.number.canonical));
  if (neverRenewed) picked.set('expired', neverRenewed);

  return DEMO_DIS.flatMap(({ di, issuerName, role, pack }, index) => {
    const docs = picked.get(role);
    if (!docs) return [];
    const latest = docs.at(-1)!;
    return [
      {
        recordKey: `DEMO-UDI-${index + 1}`,
        di,
        issuerName,
        role,
        certificate: latest.number.canonical,
        productName: latest.productName ?? null,
        holder: latest.holder ?? null,
        modelSpec: docs.findLast((d) => d.modelSpec)?.modelSpec ?? null,
        pack,
      },
    ];
  });
}

function roleOf(docs: readonly VersionInput[], referenceDate: IsoDate): DemoDeviceRole | null {
  const { number } = docs[0]!;
  if (number.authority !== '粤' || number.origin !== 'domestic') return null;
  if (number.family === 'filing') return 'filing';
  if (number.family !== 'registration') return null;
  const expiry = docs.reduce<string>((latest, d) => (d.expiryDate && d.expiryDate > latest ? d.expiryDate : latest), '');
  // In effect for three years yet, so the demo answers "reportable" for years; expired a year ago at least.
  if (expiry >= addDays(referenceDate, 3 * 366)) return 'in_effect';
  if (expiry !== '' && expiry < addDays(referenceDate, -366)) return 'expired';
  return null;
}
