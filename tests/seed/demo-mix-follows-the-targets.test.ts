import { describe, expect, it } from 'vitest';
import { generateDemoCertificates } from '../../seed/demo-data.ts';
import type { ParsedNumber } from '../../src/numbers/number.types.ts';

const COUNT = 20_000;
const numbers: ParsedNumber[] = [];
for (const documents of generateDemoCertificates({ count: COUNT })) numbers.push(documents[0]!.number);

const share = (test: (n: ParsedNumber) => boolean): number => numbers.filter(test).length / COUNT;

describe('the demo mix', () => {
  it('follows the family targets: 47% registrations, 30% filings, 20% legacy2004, 3% legacy2000', () => {
    expect(share((n) => n.family === 'registration')).toBeCloseTo(0.47, 1);
    expect(share((n) => n.family === 'filing')).toBeCloseTo(0.3, 1);
    expect(share((n) => n.family === 'legacy2004')).toBeCloseTo(0.2, 1);
    expect(share((n) => n.family === 'legacy2000')).toBeGreaterThan(0.02);
    expect(share((n) => n.family === 'legacy2000')).toBeLessThan(0.04);
  });

  it('has Guangdong at about 30% of everything', () => {
    const guangdong = share((n) => n.authority === '粤');
    expect(guangdong).toBeGreaterThan(0.27);
    expect(guangdong).toBeLessThan(0.33);
  });

  it('covers every kind of issuer', () => {
    const registrations = (form: string, cls: number) =>
      share((n) => n.family === 'registration' && n.authority === '国' && n.form === form && n.class === cls);
    expect(registrations('准', 3)).toBeGreaterThan(0.03);
    expect(registrations('进', 2)).toBeGreaterThan(0.01);
    expect(registrations('进', 3)).toBeGreaterThan(0.01);
    expect(registrations('许', 3) + registrations('许', 2)).toBeGreaterThan(0.002);
    expect(share((n) => n.family === 'filing' && n.authority === '国')).toBeGreaterThan(0.02);
    expect(share((n) => n.family === 'filing' && n.authority === '粤' && n.city === '穗')).toBeGreaterThan(0.02);
    expect(share((n) => n.family === 'filing' && n.authority === '粤' && n.city === '深')).toBeGreaterThan(0.02);
    expect(share((n) => n.family === 'registration' && n.authority !== '粤' && n.authority !== '国')).toBeGreaterThan(0.15);
    expect(share((n) => n.family === 'legacy2004' && n.form === '进')).toBeGreaterThan(0.02);
    expect(new Set(numbers.map((n) => n.authority)).size).toBeGreaterThan(25);
  });

  it('spreads new-format numbers over every year from 2014 to 2026', () => {
    const years = new Set(numbers.filter((n) => n.family === 'registration' || n.family === 'filing').map((n) => n.year));
    expect([...years].sort()).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});
