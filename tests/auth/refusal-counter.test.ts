import { describe, expect, it } from 'vitest';
import { RefusalCounter } from '../../src/auth/refusal-limit.plugin.ts';

describe('RefusalCounter', () => {
  it('blocks an address for the rest of its minute once it has used its refusals, then forgets it', () => {
    let now = 1_000_000;
    const counter = new RefusalCounter(2, () => now);
    counter.count('a');
    expect(counter.blockedFor('a')).toBe(0);
    counter.count('a');
    expect(counter.blockedFor('a')).toBe(60);
    expect(counter.blockedFor('b')).toBe(0);
    now += 45_500;
    expect(counter.blockedFor('a')).toBe(15);
    now += 14_500;
    expect(counter.blockedFor('a')).toBe(0);
    counter.count('a');
    expect(counter.blockedFor('a')).toBe(0);
  });
});
