/**
 * Builds the benchmark database: the deterministic demo dataset loaded through the app's own
 * services (so the change log and every write hook run as they do in production), or reuses the
 * file when it already holds that many certificates.
 *
 *   tsx scripts/make-bench-db.ts [--count 1000000] [--out bench-data/bench.db] [--seed N] [--force]
 *
 * Built into `<out>.partial` and renamed at the end, so an interrupted build is never reused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadDemoData } from '../seed/load-demo-data.ts';
import { testConfig } from '../src/config/config.ts';
import { migrationsApplied } from '../src/db/database.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench-data/bench.db' },
    seed: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count <= 0) throw new Error(`--count must be a positive integer, got ${values.count}`);
const out = path.resolve(values.out);

/** The file holds `count` certificates under the current schema. */
function reusable(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number };
    return row.n === count && migrationsApplied(sqlite);
  } catch {
    return false; // not a certref database, or an older schema
  } finally {
    sqlite.close();
  }
}

if (!values.force && reusable(out)) {
  console.log(`${path.relative(process.cwd(), out)}: reusing, it holds ${count.toLocaleString('en')} certificates`);
  process.exit(0);
}

const partial = `${out}.partial`;
for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(file, { force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });

const started = performance.now();
const services = createServices(testConfig({ databasePath: partial }));
let lastReport = 0;
const result = loadDemoData(services.writer, {
  count,
  today: services.today(),
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  onProgress: (loaded) => {
    if (loaded - lastReport < 100_000 && loaded !== count) return;
    lastReport = loaded;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${loaded.toLocaleString('en')} certificates, ${seconds.toFixed(1)} s (${Math.round(loaded / seconds).toLocaleString('en')}/s)`,
    );
  },
});
services.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
services.close();
for (const file of [out, `${out}-wal`, `${out}-shm`]) fs.rmSync(file, { force: true });
fs.renameSync(partial, out);

const seconds = (performance.now() - started) / 1000;
console.log(
  `${path.relative(process.cwd(), out)}: ${result.certificates.toLocaleString('en')} certificates, ` +
    `${result.versionsAdded.toLocaleString('en')} documents, ${result.links.toLocaleString('en')} links in ${seconds.toFixed(1)} s`,
);
