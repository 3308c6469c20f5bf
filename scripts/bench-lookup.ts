/**
 * Auto-fill throughput against a Fastify hello-world in the same run (autocannon, 50
 * connections), p99, server RSS, and the 1,000-number batch time, on a 1,000,000-certificate
 * database built by scripts/make-bench-db.ts.
 *
 *   npm run bench:lookup -- [--count 1000000] [--duration 10] [--rounds 3] [--cache-size 0]
 *
 * The ratio is of the medians over alternating rounds of hello-world and auto-fill; peak RSS is
 * read after the answer cache has been filled past its capacity.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { serve } from './bench/processes.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    // 0 measures every lookup reading SQLite; the default keeps recent answers as production does.
    'cache-size': { type: 'string', default: '50000' },
  },
});
const count = Number(values.count);
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const dbPath = path.resolve(`bench-data/bench-${count}.db`);

execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-bench-db.ts', '--count', String(count), '--out', dbPath], {
  stdio: 'inherit',
});

// Sample numbers to look up, typed the ways people type them.
const sqlite = new Database(dbPath, { readonly: true });
const cacheSize = Number(values['cache-size']);
// 20,000 for the batches, then enough more to fill the answer cache past its capacity.
const sample = (
  sqlite.prepare('SELECT canonical FROM certificates ORDER BY random() LIMIT ?').all(20_000 + Math.ceil(cacheSize * 1.1)) as {
    canonical: string;
  }[]
).map((r) => r.canonical);
sqlite.close();
const disguise = (n: string, i: number) =>
  i % 4 === 1
    ? ` ${n.slice(0, 4)} ${n.slice(4)} `
    : i % 4 === 2
      ? n.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      : n;
const paths = sample.slice(0, 2000).map((n, i) => `/v1/autofill?number=${encodeURIComponent(disguise(n, i))}`);

/**
 * Both routes are loaded the same way: a fixed list of requests that autocannon builds once and
 * cycles through. (A per-request `setupRequest` costs the client more than the server spends on
 * a lookup, and on two cores the client's time is taken from the server.)
 */
async function load(url: string, requestPaths: string[]): Promise<autocannon.Result> {
  return autocannon({ url, connections: 50, duration, requests: requestPaths.map((path) => ({ method: 'GET', path })) });
}

// Both servers stay up and are loaded in alternating rounds: on two cores, the machine's speed
// drifts by ±20% over a minute, and alternating keeps that drift out of the ratio.
const hello = await serve('scripts/bench/hello-server.ts', ['3901'], {}, 'http://127.0.0.1:3901/hello');
const app = await serve(
  'src/server.ts',
  [],
  // Rate limiting off: this measures lookups, and one client at 50 connections would be throttled.
  // Housekeeping off: its catch-up run at start would share the cores with the first rounds.
  {
    DATABASE_PATH: dbPath,
    DEMO_DATA: 'false',
    PORT: '3902',
    LOG_LEVEL: 'warn',
    LOG_REQUESTS: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTOFILL_CACHE_SIZE: values['cache-size'],
    HOUSEKEEPING_JOBS_ENABLED: 'false',
  },
  'http://127.0.0.1:3902/readyz',
);
// Warm-up: page cache, JIT, and (with the cache on) the answers.
await load(hello.url, ['/hello']);
await load(app.url, paths);
const helloRounds: autocannon.Result[] = [];
const autofillRounds: autocannon.Result[] = [];
for (let round = 0; round < rounds; round++) {
  helloRounds.push(await load(hello.url, ['/hello']));
  autofillRounds.push(await load(app.url, paths));
}
await hello.stop();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const helloRps = median(helloRounds.map((r) => r.requests.average));
const autofillRps = median(autofillRounds.map((r) => r.requests.average));
const autofillP99 = Math.max(...autofillRounds.map((r) => r.latency.p99));

const batchTimes: number[] = [];
for (let round = 0; round < 20; round++) {
  const numbers = sample.slice(round * 1000, round * 1000 + 1000);
  const started = performance.now();
  const response = await fetch(`${app.url}/v1/autofill/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ numbers }),
  });
  await response.json();
  batchTimes.push(performance.now() - started);
}
const rssBeforeFill = app.peakRssMb();
// The RSS target holds with a full answer cache too: one request per distinct number, 20 at a time.
const fill = sample.slice(20_000);
let nextFill = 0;
await Promise.all(
  Array.from({ length: 20 }, async () => {
    while (nextFill < fill.length) {
      const response = await fetch(`${app.url}/v1/autofill?number=${encodeURIComponent(fill[nextFill++]!)}`);
      await response.arrayBuffer();
    }
  }),
);
const rss = app.peakRssMb();
await app.stop();

batchTimes.sort((a, b) => a - b);
const ratio = autofillRps / helloRps;
const figures = {
  certificates: count,
  distinctNumbersRequested: paths.length,
  autofillCacheSize: cacheSize,
  rounds,
  helloReqPerSecByRound: helloRounds.map((r) => Math.round(r.requests.average)),
  autofillReqPerSecByRound: autofillRounds.map((r) => Math.round(r.requests.average)),
  helloReqPerSec: Math.round(helloRps),
  autofillReqPerSec: Math.round(autofillRps),
  ratio: Number(ratio.toFixed(3)),
  autofillP99Ms: autofillP99,
  autofillErrors: autofillRounds.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  serverPeakRssMbBeforeCacheFill: Math.round(rssBeforeFill),
  serverPeakRssMb: Math.round(rss),
  numbersRequestedToFillCache: fill.length,
  batch1000MedianMs: Number(batchTimes[Math.floor(batchTimes.length / 2)]!.toFixed(1)),
  batch1000MaxMs: Number(batchTimes[batchTimes.length - 1]!.toFixed(1)),
};
console.log(JSON.stringify(figures, null, 2));
const targets = [
  ['throughput ≥ 60% of hello-world', ratio >= 0.6],
  ['p99 ≤ 10 ms (worst round)', autofillP99 <= 10],
  ['server RSS ≤ 400 MB (answer cache filled)', rss <= 400],
  ['1,000-number batch ≤ 100 ms (median)', figures.batch1000MedianMs <= 100],
  ['no errors', figures.autofillErrors === 0],
] as const;
for (const [name, met] of targets) console.log(`${met ? 'met ' : 'MISS'}  ${name}`);
process.exit(targets.every(([, met]) => met) ? 0 : 1);
