/**
 * Child process for udi-memory.test.ts (run with --expose-gc): imports a generated UDI file and
 * prints the heap after a full collection at each quarter of the devices, as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../src/composition.ts';
import { testConfig } from '../../src/config/config.ts';
import { writeBenchXml } from '../../scripts/bench-udi-data.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-mem-'));
const file = path.join(dir, 'udi.xml');
const devices = writeBenchXml(file, Number(process.argv[2] ?? 40) * 1024 * 1024);
const services = createServices(testConfig({ databasePath: path.join(dir, 'udi.db') }));
const heap: number[] = [];
let next = devices / 4;
await services.freshness.udiImporter.importPath(file, {
  trigger: 'test',
  onProgress: (progress) => {
    if (progress.devicesRead < next) return;
    next += devices / 4;
    gc();
    heap.push(process.memoryUsage().heapUsed);
  },
});
services.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ devices, heap }));
