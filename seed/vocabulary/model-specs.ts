import type { Rng } from '../prng.ts';

/**
 * 型号规格 strings as certificates print them: lists joined by 、, letter-digit models, sizes.
 * Each helper returns a function so a product kind can name its style once.
 */
export type SpecMaker = (rng: Rng) => string;

/** A run of consecutive entries of `items` (certificates list related sizes together). */
export function someOf(items: readonly string[], min = 2, max = 5, joiner = '、'): SpecMaker {
  return (rng) => {
    const length = Math.min(items.length, rng.int(min, max));
    const start = rng.int(0, items.length - length);
    return items.slice(start, start + length).join(joiner);
  };
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Models such as `PM-9000、PM-9000A、PM-9000B`: a series and a few variants of it. */
export function modelSeries(prefixes: readonly string[], digits = 4): SpecMaker {
  return (rng) => {
    const prefix = rng.pick(prefixes);
    const base = `${prefix}-${rng.int(10 ** (digits - 1), 10 ** digits - 1)}`;
    const variants = rng.int(0, 3);
    const models = [base];
    for (let i = 0; i < variants; i++) models.push(`${base}${LETTERS[i]}`);
    return models.join('、');
  };
}

/** Two-letter brand-like models (`YX-303`): for holders whose prefixes we do not know. */
export function letterModels(): SpecMaker {
  return (rng) => {
    const prefix = `${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}`;
    return modelSeries([prefix], rng.int(3, 4))(rng);
  };
}

/** Reagent packings: `20人份/盒、50人份/盒`. */
export function kitSizes(): SpecMaker {
  return someOf(['1人份/盒', '5人份/盒', '10人份/盒', '20人份/盒', '25人份/盒', '40人份/盒', '50人份/盒', '96人份/盒', '100人份/盒'], 2, 4);
}

/** Two-reagent chemistry packings: `R1：2×40mL，R2：1×20mL`. */
export function reagentPacks(): SpecMaker {
  return (rng) => {
    const r1 = rng.pick(['1×60mL', '2×40mL', '4×45mL', '2×60mL', '6×50mL']);
    const r2 = rng.pick(['1×15mL', '1×20mL', '2×15mL', '1×30mL']);
    const packs = [`R1：${r1}，R2：${r2}`];
    if (rng.chance(0.5)) packs.push(`R1：${rng.pick(['1×30mL', '2×20mL'])}，R2：${rng.pick(['1×10mL', '1×8mL'])}`);
    return packs.join('；');
  };
}

/** Implant sizes: `Φ3.5mm×20mm~Φ3.5mm×60mm`. */
export function diameterRange(diameters: readonly number[], lengths: readonly number[]): SpecMaker {
  return (rng) => {
    const d = rng.pick(diameters);
    const from = rng.pick(lengths);
    const to = from + rng.int(2, 8) * 5;
    return `Φ${d}mm×${from}mm~Φ${d}mm×${to}mm`;
  };
}

/** A model series followed by a size list, for devices sold in sizes (`KZ-100 S、M、L`). */
export function modelAndSizes(prefixes: readonly string[], sizes: readonly string[]): SpecMaker {
  const model = modelSeries(prefixes, 3);
  const list = someOf(sizes, 2, sizes.length);
  return (rng) => `${model(rng)}；${list(rng)}`;
}
