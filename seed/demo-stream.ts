import type { Family } from '../src/numbers/number.types.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { type DemoCertificate, LineageFactory } from './demo-lineages.ts';
import { Rng } from './prng.ts';

/** Targets of the mix, by certificate; legacy numbers' successors count as what they are. */
const FAMILY_SHARES: Readonly<Record<Family, number>> = Object.freeze({
  registration: 0.47,
  filing: 0.3,
  legacy2004: 0.2,
  legacy2000: 0.03,
});

/**
 * The demo certificates as drafts (numbers still strings), `count` of them, in a fixed order:
 * everything follows from one seeded stream, so the same arguments give the same drafts.
 */
export function* demoDrafts(count: number, seed: number, today: IsoDate): Generator<DemoCertificate> {
  const rng = new Rng(seed);
  const lineages = new LineageFactory(rng, seed, today);
  const made: Record<Family, number> = { registration: 0, filing: 0, legacy2004: 0, legacy2000: 0 };
  let produced = 0;
  while (produced < count) {
    for (const certificate of lineage(lineages, nextFamily(rng, made, produced))) {
      if (produced >= count) return;
      made[certificate.family]++;
      produced++;
      yield certificate;
    }
  }
}

function lineage(factory: LineageFactory, family: Family): DemoCertificate[] {
  if (family === 'registration') return factory.registration();
  if (family === 'filing') return factory.filing();
  return factory.legacy(family);
}

/**
 * The family of the next lineage, drawn in proportion to how far each family is behind its share.
 * Lineages bring successors (a legacy number's replacement is a registration), so drawing by the
 * plain shares would overshoot registrations; this keeps the mix on target at any count.
 */
function nextFamily(rng: Rng, made: Record<Family, number>, produced: number): Family {
  const entries = (Object.keys(FAMILY_SHARES) as Family[]).map((family) => {
    const behind = Math.max(0, FAMILY_SHARES[family] * (produced + 1) - made[family]);
    return [family, behind + 0.01 * FAMILY_SHARES[family]] as const;
  });
  return rng.weighted(entries);
}
