/**
 * Bundle benchmark: builds one offline bundle (public tables as SQLite, JSON Lines gzipped,
 * manifest with checksums) from the demo dataset and prints the build time, both files' sizes and
 * the process's peak memory.
 *
 *   npm run bench:bundle -- [--rows 1000000]
 *
 * The demo database comes from scripts/make-bench-db.ts (bench-data/bench-<rows>.db, reused when
 * present); the bundle is written to a temporary folder, removed at the end however the run ends.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { testConfig } from '../src/config/config.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows 须为正整数 must be a positive integer, got ${values.rows}`);
const database = path.resolve(`bench-data/bench-${rows}.db`);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const load = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
console.log(
  `离线数据包基准 bundle benchmark: ${rows.toLocaleString('en')} 张证书 certificates, ${os.cpus().length} CPUs, load average ${load}`,
);

// The shared script reuses the file when it already holds this many certificates.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-bench-db.ts', '--count', String(rows), '--out', database], {
  stdio: 'inherit',
});

const bundlesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-bench-bundle-'));
const services = createServices(testConfig({ databasePath: database, bundles: { dir: bundlesDir, keep: 1, buildSchedule: '30 2 * * *' } }));
try {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const { manifest } = await services.bundles.build();
  const seconds = (performance.now() - started) / 1000;
  console.log(`生成用时 build time        ${seconds.toFixed(1)} s`);
  for (const file of manifest.files) console.log(`${file.name.padEnd(26)}${mb(file.size)}`);
  console.log(`行数 rows                  ${JSON.stringify(manifest.counts)}`);
  // maxRSS is in kilobytes, and covers the whole process: the database open before the build included.
  console.log(`内存峰值 peak RSS          ${mb(process.resourceUsage().maxRSS * 1024)} (before the build: ${mb(rssBefore)})`);
} finally {
  services.close();
  fs.rmSync(bundlesDir, { recursive: true, force: true });
}
