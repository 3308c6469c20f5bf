/**
 * Spaces requests to each host: a request may start no sooner than `minIntervalMs` after the
 * previous one to the same host started, whoever made it (all sources share one throttle, so
 * two sources on one site do not add up to twice the rate).
 */
export class HostThrottle {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** Resolves when a request to `url`'s host may start; reserves that slot. */
  async wait(url: string, minIntervalMs: number): Promise<void> {
    const host = new URL(url).host;
    const now = this.clock();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + minIntervalMs);
    if (slot > now) await sleep(slot - now);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
