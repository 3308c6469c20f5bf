import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { HostThrottle } from '../../src/sources/host-throttle.ts';

describe('the per-host throttle', () => {
  it('spaces request starts to one host by the interval, and leaves other hosts alone', async () => {
    const throttle = new HostThrottle();
    const starts: Record<string, number[]> = { a: [], b: [] };
    const t0 = Date.now();
    await Promise.all([
      ...[1, 2, 3].map(async () => {
        await throttle.wait('http://a.example/x', 150);
        starts.a!.push(Date.now() - t0);
      }),
      (async () => {
        await throttle.wait('http://b.example/y', 150);
        starts.b!.push(Date.now() - t0);
      })(),
    ]);
    starts.a!.sort((x, y) => x - y);
    expect(starts.a![1]! - starts.a![0]!).toBeGreaterThanOrEqual(140);
    expect(starts.a![2]! - starts.a![1]!).toBeGreaterThanOrEqual(140);
    expect(starts.b![0]).toBeLessThan(100);
  });

  it('defaults to one request per second per host', () => {
    expect(testConfig().freshness.http.minIntervalMs).toBe(1000);
  });
});
