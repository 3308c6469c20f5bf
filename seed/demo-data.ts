import type { Provenance, VersionInput } from '../src/certificates/version-input.ts';
import { normalise } from '../src/numbers/normalise.ts';
import type { ParsedNumber } from '../src/numbers/number.types.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { yearOf } from './demo-dates.ts';
import type { DocDraft } from './demo-drafts.ts';
import { demoDrafts } from './demo-stream.ts';

/**
 * The deterministic demo dataset: the same count, seed and reference date give byte-identical
 * certificates on every machine, forever (no clock, no Math.random).
 */

/** The reference "today" the histories are built around. */
export const DEMO_TODAY: IsoDate = '2026-11-25';
export const DEMO_SEED = 20_261_125;
const DEMO_PROVENANCE: Readonly<Provenance> = Object.freeze({
  source: 'demo',
  sourceRef: 'seed/demo-data.ts',
  fetchedAt: '2026-11-25T00:00:00.000Z',
});

interface DemoOptions {
  count: number;
  seed?: number;
  today?: IsoDate;
}

/** Yields one certificate's documents at a time, `count` certificates in all. */
export function* generateDemoCertificates({ count, seed = DEMO_SEED, today = DEMO_TODAY }: DemoOptions): Generator<VersionInput[]> {
  const parser = new NumberParser(yearOf(today));
  for (const certificate of demoDrafts(count, seed, today)) yield certificate.docs.map((doc) => parser.input(doc));
}

/** Turns drafts into stored inputs, parsing each number with the engine so the parts are its own. */
class NumberParser {
  private readonly cache = new Map<string, ParsedNumber>();

  constructor(private readonly currentYear: number) {}

  input(doc: DocDraft): VersionInput {
    const { number, previousNumbers, ...fields } = doc;
    return {
      ...fields,
      number: this.parse(number),
      ...(previousNumbers ? { previousNumbers: previousNumbers.map((n) => this.parse(n)) } : {}),
      provenance: DEMO_PROVENANCE,
    };
  }

  private parse(text: string): ParsedNumber {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const result = normalise(text, { currentYear: this.currentYear });
    const [parsed] = result.numbers;
    if (!parsed || result.numbers.length !== 1) {
      throw new Error(`demo number ${text} does not parse: ${result.error?.reason ?? `${result.numbers.length} numbers`}`);
    }
    // Only a certificate's own documents and its predecessor share numbers: a small cache is enough.
    if (this.cache.size > 64) this.cache.clear();
    this.cache.set(text, parsed);
    return parsed;
  }
}
