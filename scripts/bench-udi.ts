/**
 * UDI import benchmark: `npm run bench:udi [-- --mb 200]`.
 *
 * Generates a large, realistic UDI XML file in bench-data/ (gitignored; kept between runs), then
 * measures (1) reading alone, in this thread: decode, repair, saxes; (2) the whole import into a
 * fresh SQLite file through the real write path (files this large are read in a worker thread
 * while this one writes). Reports MB/s of XML by the wall clock and per CPU second (the machine
 * may be shared, so the load average is printed too), devices/s and peak RSS (of the whole
 * process, both phases). Target: ≥ 20 MB/s, memory flat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.ts';
import { createServices } from '../src/services.ts';
import { UdiXmlReader } from '../src/udi/xml/udi-xml-reader.ts';
import { decodeXml } from '../src/udi/xml/xml-text-decoder.ts';
import { writeBenchXml } from './bench-udi-data.ts';

const MB = 1024 * 1024;
const TARGET_MB_S = 20;

interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function measure(work: (sample: () => void) => Promise<void>): Promise<Measure> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work(sample);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: peak / MB };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, dir: { type: 'string', default: 'bench-data' } } });
  const targetMb = Number(values.mb);
  const dir = path.resolve(values.dir);
  fs.mkdirSync(dir, { recursive: true });
  const xml = path.join(dir, `udi-bench-${targetMb}mb.xml`);
  if (!fs.existsSync(xml)) {
    process.stdout.write(`generating ${xml} (${targetMb} MB) …\n`);
    writeBenchXml(xml, targetMb * MB);
  }
  const sizeMb = fs.statSync(xml).size / MB;
  process.stdout.write(`file: ${xml}, ${sizeMb.toFixed(1)} MB\n`);
  process.stdout.write(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (wall-clock figures suffer when it is busy)\n\n`,
  );

  let devices = 0;
  const read = await measure(async (sample) => {
    const reader = new UdiXmlReader(() => devices++);
    for await (const text of decodeXml(fs.createReadStream(xml, { highWaterMark: MB }))) {
      reader.write(text);
      sample();
    }
    reader.end();
  });
  report('read only (decode + repair + saxes)', sizeMb, devices, read);

  const dbPath = path.join(dir, 'udi-bench.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  const services = createServices(
    loadConfig({ DATABASE_PATH: dbPath, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SOURCES_FILE: path.join(dir, 'none.json') }),
  );
  let imported = 0;
  let status = '';
  const full = await measure(async (sample) => {
    const [outcome] = await services.udiImporter.importPath(xml, {
      trigger: 'bench',
      onProgress: (progress) => {
        imported = progress.devicesRead;
        sample();
      },
    });
    if (outcome?.kind === 'imported') {
      status = `${outcome.run.status}: ${outcome.run.devicesAdded} devices, ${outcome.run.certificatesCreated} certificates, ${outcome.run.versionsAdded} versions`;
    }
  });
  services.close();
  report('full import into SQLite (file, WAL; reading in a worker thread, writing in this one)', sizeMb, imported, full);
  process.stdout.write(`  ${status}\n  database: ${(fs.statSync(dbPath).size / MB).toFixed(1)} MB\n\n`);

  const wall = sizeMb / full.seconds;
  const verdict =
    wall >= TARGET_MB_S
      ? 'met'
      : `not met by the wall clock on this run (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`;
  process.stdout.write(`target ≥ ${TARGET_MB_S} MB/s of XML for the whole import: ${verdict}\n`);
}

function report(label: string, sizeMb: number, devices: number, m: Measure): void {
  process.stdout.write(
    `${label}\n  ${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU (all threads): ${(sizeMb / m.seconds).toFixed(1)} MB/s (${(sizeMb / m.cpuSeconds).toFixed(1)} MB per CPU s), ` +
      `${Math.round(devices / m.seconds).toLocaleString('en-US')} devices/s, peak RSS ${m.peakRssMb.toFixed(0)} MB\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
