import { loadDemoData } from '../../seed/load-demo-data.ts';
import type { Services } from '../services.ts';
import { loadDemoDevices } from './demo-devices.ts';

/** On first start of an empty database, loads the deterministic demo dataset (DEMO_DATA=true). */
export async function ensureDemoData(services: Services, log: (message: string) => void): Promise<void> {
  if (!services.config.demoData) return;
  const row = services.database.sqlite.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number };
  if (row.n > 0) return;
  const started = Date.now();
  log(`loading ${services.config.demoDataSize} demo certificates into an empty database…`);
  const result = await loadDemoData(services.writer, { count: services.config.demoDataSize, today: services.today() });
  log(`demo data loaded: ${JSON.stringify(result)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { devices } = await loadDemoDevices(services, services.config.demoDataSize);
  log(`演示 UDI 产品已导入 ${devices} 个（扫码演示用，见 README） / ${devices} demo UDI devices imported for scanning demos (see README)`);
}
