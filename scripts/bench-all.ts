/**
 * Every performance benchmark in sequence on a smaller data set, then one table and one JSON line:
 * import (with the search catch-up after it), auto-fill with and without the answer cache, search,
 * and lookups during an import in another process.
 *
 *   npm run bench -- [--count 100000] [--rows 100000] [--duration 5]
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    rows: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '5' },
  },
});

/** Runs one benchmark script and returns its output; a missed target (exit 1) still reports. */
function run(script: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout;
    if (typeof output === 'string' && output.length > 0) return output;
    throw error;
  }
}

/** The last line of the output that is a JSON object on its own. */
function lastJsonLine(output: string): Record<string, unknown> {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{') && l.endsWith('}'));
  if (!line) throw new Error(`没有 JSON 结果 no JSON line in:\n${output}`);
  return JSON.parse(line) as Record<string, unknown>;
}

/** bench-lookup prints its figures as one indented JSON object. */
function jsonBlock(output: string): Record<string, unknown> {
  const start = output.indexOf('{\n');
  const end = output.indexOf('\n}', start);
  return JSON.parse(output.slice(start, end + 2)) as Record<string, unknown>;
}

const started = performance.now();
const count = values.count;
const importFigures = lastJsonLine(run('scripts/bench-import.ts', ['--rows', values.rows]));
const lookupArgs = ['--count', count, '--duration', values.duration, '--rounds', '3'];
const cached = jsonBlock(run('scripts/bench-lookup.ts', lookupArgs));
const uncached = jsonBlock(run('scripts/bench-lookup.ts', [...lookupArgs, '--cache-size', '0']));
const searchOutput = run('scripts/bench-search.ts', ['--count', count, '--runs', '3']);
// The slowest kind of query's p95.
const searchP95s = [...searchOutput.matchAll(/ p95 ([0-9.]+) ms/g)].map((m) => Number(m[1]));
const concurrent = lastJsonLine(run('scripts/bench-concurrent.ts', ['--count', count, '--rows', values.rows]));

const summary = {
  autofillRatio: cached.ratio,
  autofillUncachedRatio: uncached.ratio,
  importRowsPerSecond: importFigures.importRowsPerSecond,
  searchP95Ms: searchP95s.length === 0 ? null : Math.max(...searchP95s),
  searchCatchUpSeconds: importFigures.searchCatchUpSeconds,
  importPeakRssMb: importFigures.importPeakRssMb,
  concurrentLookupP99Ms: concurrent.lookupP99Ms,
  concurrentLookupErrors: concurrent.lookupErrors,
};
const rows: [string, unknown, string][] = [
  ['自动填写/基准 auto-fill ÷ hello (cached)', summary.autofillRatio, '≥ 0.70'],
  ['自动填写/基准 auto-fill ÷ hello (uncached)', summary.autofillUncachedRatio, '≥ 0.40'],
  ['导入 import rows/s', summary.importRowsPerSecond, '1M in ≤ 30 s'],
  ['搜索追赶 search catch-up s', summary.searchCatchUpSeconds, ''],
  ['导入峰值内存 import peak RSS MB', summary.importPeakRssMb, '≤ 600 (1M)'],
  ['搜索 search p95 ms', summary.searchP95Ms, ''],
  ['导入期间查询 lookup p99 during import ms', summary.concurrentLookupP99Ms, ''],
  ['导入期间错误 lookup errors during import', summary.concurrentLookupErrors, '0'],
];
for (const [name, value, target] of rows) console.log(`${name.padEnd(44)} ${String(value).padStart(10)}  ${target}`);
console.log(`用时 took ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(JSON.stringify(summary));
