import fs from 'node:fs';
import path from 'node:path';
import { DEMO_TODAY, generateDemoCertificates } from '../../seed/demo-data.ts';
import { demoDevices } from '../../seed/demo-devices.ts';
import { demoUdiXml } from '../../seed/demo-udi-xml.ts';
import type { Services } from '../services.ts';
import { makeTempDir } from '../shared/temp-files.ts';
import type { UdiFileOutcome } from '../udi/udi-importer.ts';

/**
 * Imports the demo UDI devices, whose DIs a scanner demo resolves to demo certificates, through
 * the UDI importer from a temporary XML file (removed afterwards). `count` is how many demo
 * certificates were loaded: devices name only certificates among them.
 */
export async function loadDemoDevices(services: Services, count: number): Promise<{ devices: number; outcome: UdiFileOutcome | null }> {
  const devices = demoDevices(generateDemoCertificates({ count: Math.min(count, 1_000) }), DEMO_TODAY);
  if (devices.length === 0) return { devices: 0, outcome: null };
  const dir = await makeTempDir('demo-udi');
  try {
    const file = path.join(dir.path, 'demo-udi-devices.xml');
    await fs.promises.writeFile(file, demoUdiXml(devices, DEMO_TODAY));
    return { devices: devices.length, outcome: await services.udiImporter.importFile(file, { trigger: 'demo' }) };
  } finally {
    await dir.dispose();
  }
}
