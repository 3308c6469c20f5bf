/** China has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

// The answer changes once a year; remembering the span it holds for spares a Date per call.
let cachedYear = 0;
let cachedFrom = 0;
let cachedUntil = 0;

/** The current calendar year in Asia/Shanghai. */
export function currentYearInShanghai(now: number = Date.now()): number {
  if (now < cachedFrom || now >= cachedUntil) {
    const year = new Date(now + SHANGHAI_OFFSET_MS).getUTCFullYear();
    cachedYear = year;
    cachedFrom = Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS;
    cachedUntil = Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS;
  }
  return cachedYear;
}
