import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { createServices } from '../../src/services.ts';
import { zonedClock } from '../../src/shared/clock.ts';

describe('the clock', () => {
  it('reads the day and year in its time zone, not in UTC', () => {
    // 17:00 UTC on New Year's Eve is already New Year's Day in Shanghai.
    const clock = zonedClock('Asia/Shanghai', () => new Date('2026-12-31T17:00:00Z'));
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.currentYear()).toBe(2027);
    expect(clock.now().toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('follows a replaced now, as tests that move the day rely on', () => {
    let now = new Date('2026-11-25T04:00:00Z');
    const services = createServices(testConfig(), { now: () => now });
    try {
      expect(services.clock.today()).toBe('2026-11-25');
      now = new Date('2026-12-07T04:00:00Z');
      expect(services.clock.today()).toBe('2026-12-07');
      expect(services.today()).toBe('2026-12-07');
    } finally {
      services.close();
    }
  });
});
