import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import type { AppConfig } from '../../src/config/config.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

export const TODAY = '2026-11-25';
export const DEMO_COUNT = 120;

/** A fresh folder under the system temp folder; the caller removes it with `removeDir`. */
export function makeDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `certref-test-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A real app with demo data, bundles written to `bundlesDir`, and a clock that moves on each read. */
export async function demoApp(
  bundlesDir: string,
  databasePath = ':memory:',
  config: Partial<AppConfig> = {},
  count = DEMO_COUNT,
): Promise<TestContext> {
  let tick = 0;
  const ctx = await buildTestApp({
    now: () => new Date(Date.parse(`${TODAY}T04:00:00Z`) + tick++),
    config: { rateLimitPerMinute: 0, databasePath, bundles: { dir: bundlesDir, keep: 3, buildSchedule: '30 2 * * *' }, ...config },
  });
  loadDemoData(ctx.services.writer, { count, today: TODAY });
  return ctx;
}
