import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';

const MEGABYTE = 1024 * 1024;
/**
 * Far above the benchmark's 50 ms, so a loaded CI machine does not fail the suite, and far below
 * what a quadratic scan of a megabyte would take (minutes).
 */
const BOUND_MS = 2_000;

const repeat = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);

/** Shapes that make a backtracking or quadratic scanner slow. */
const SHAPES: Record<string, string> = {
  'one digit run': repeat('1'),
  'anchors without numbers': repeat('械'),
  'prefixes without digits': repeat('粤械注准'),
  'legacy prefixes without digits': repeat('国食药监械(准)字'),
  'overlong digit runs': `粤械注准${repeat('2')}`,
  'spaces between anchors': repeat('械                '),
  'look-alike letters': `粤械注准2${repeat('lO')}`,
  'separators between digits': `国械注准2${repeat('-1')}`,
  'invalid numbers': repeat('绿械注准20152630298 国械注准201526400846 '),
  'full-width and traditional text': repeat('國械註準２０１７３４０００７７，'),
  'lone surrogates and controls': repeat('\ud800\u0000\u200b\udfff'),
};

describe('a megabyte of input is handled in linear time', () => {
  it.each(Object.entries(SHAPES))('%s', (_name, input) => {
    const start = performance.now();
    const result = normalise(input, { currentYear: 2026 });
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    expect(result.numbers.length > 0 || result.error !== null).toBe(true);
  });
});
