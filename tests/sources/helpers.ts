import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FreshnessConfig, testConfig } from '../../src/config/config.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import type { RunLog } from '../../src/sources/source-run.ts';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export interface SourceTestContext {
  services: Services;
  runner: JobRunner;
  log: LogEntry[];
  close(): void;
}

export function capturingLog(entries: LogEntry[]): RunLog {
  return {
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
}

/**
 * Services whose sources file declares `sources` (pointing at a local fixture server), with
 * short timeouts and no pause between requests unless a test asks for one.
 */
export function sourceServices(
  sources: unknown[],
  options: { http?: Partial<FreshnessConfig['http']>; freshness?: Partial<FreshnessConfig>; today?: string } = {},
): SourceTestContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-sources-'));
  const sourcesFile = path.join(dir, 'sources.json');
  fs.writeFileSync(sourcesFile, JSON.stringify({ sources }));
  const base = testConfig().freshness;
  const config = testConfig({
    freshness: {
      ...base,
      sourcesFile,
      http: {
        ...base.http,
        userAgent: 'certref-test/1.0 (+tests)',
        timeoutMs: 500,
        retries: 2,
        backoffMs: 10,
        minIntervalMs: 0,
        ...options.http,
      },
      ...options.freshness,
    },
  });
  const fixed = new Date(`${options.today ?? '2026-11-25'}T04:00:00Z`);
  const services = createServices(config, { now: () => fixed });
  const log: LogEntry[] = [];
  const runner = new JobRunner(services.jobRuns, { now: services.now, log: capturingLog(log) });
  return {
    services,
    runner,
    log,
    close: () => {
      services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface StoredVersion {
  canonical: string;
  documentType: string;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  productName: string | null;
  source: string;
  sourceRef: string | null;
}

export function storedVersions(services: Services): StoredVersion[] {
  return services.database.sqlite
    .prepare(`SELECT c.canonical, v.document_type AS documentType, v.approval_date AS approvalDate, v.effective_date AS effectiveDate,
      v.expiry_date AS expiryDate, v.product_name AS productName, v.source, v.source_ref AS sourceRef
      FROM certificate_versions v JOIN certificates c ON c.id = v.certificate_id ORDER BY v.id`)
    .all() as StoredVersion[];
}

export function pageRow(services: Services, source: string, url: string): Record<string, unknown> | undefined {
  return services.database.sqlite.prepare('SELECT * FROM source_pages WHERE source = ? AND url = ?').get(`html:${source}`, url) as
    | Record<string, unknown>
    | undefined;
}
