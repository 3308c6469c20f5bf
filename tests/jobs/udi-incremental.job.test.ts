import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/config.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import type { Services } from '../../src/services.ts';
import { type FixtureServer, startFixtureServer } from '../sources/fixture-server.ts';
import { capturingLog } from '../sources/helpers.ts';
import { devices, udiFixture, udiServices } from '../udi/helpers.ts';

let services: Services;
let server: FixtureServer;
let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-job-'));
  server = await startFixtureServer();
});
afterEach(async () => {
  services?.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function servicesWith(freshness: Partial<ReturnType<typeof testConfig>['freshness']>): { services: Services; runner: JobRunner } {
  const base = testConfig().freshness;
  services = udiServices('2026-11-25', {
    freshness: { ...base, http: { ...base.http, minIntervalMs: 0, timeoutMs: 2_000 }, ...freshness },
  });
  return { services, runner: new JobRunner(services.jobRuns, { now: services.now, log: capturingLog([]) }) };
}

function serveFile(urlPath: string, fixture: string, etag?: string): void {
  server.route(urlPath, (request, response) => {
    if (etag && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/zip', ...(etag ? { etag } : {}) });
    fs.createReadStream(udiFixture(fixture)).pipe(response);
  });
}

describe('the udi-incremental job', () => {
  it('imports the files of the configured directory not imported yet, in name order', async () => {
    fs.copyFileSync(udiFixture('UDID_FULL_RELEASE_20240101.zip'), path.join(dir, 'UDID_FULL_RELEASE_20240101.zip'));
    fs.copyFileSync(udiFixture('UDID_DAY_UPDATE_20240102.xml'), path.join(dir, 'UDID_DAY_UPDATE_20240102.xml'));
    const { runner, services: s } = servicesWith({ udiIncrementalDir: dir });
    const job = s.jobs.get('udi-incremental');
    const first = await runner.run(job, 'manual');
    expect(first).toMatchObject({ status: 'succeeded', counts: { filesImported: 2, filesSkipped: 0, devicesAdded: 7, devicesUpdated: 1 } });
    expect(devices(s).get('REC-0001')?.versionNumber).toBe(2);
    const second = await runner.run(job, 'manual');
    expect(second).toMatchObject({ status: 'succeeded', counts: { filesImported: 0, filesSkipped: 2 } });
  });

  it('downloads new files linked from the download page, conditionally, then imports them', async () => {
    server.route('/udi/download.html', (request, response) => {
      const etag = '"listing-1"';
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag });
      response.end(`<html><body><ul>
        <li><a href="files/UDID_DAY_UPDATE_20240102.xml">2024-01-02 每日更新</a></li>
        <li><a href="files/UDID_FULL_RELEASE_20240101.zip">2024-01-01 全量</a></li>
        <li><a href="about.html">说明</a></li></ul></body></html>`);
    });
    serveFile('/udi/files/UDID_FULL_RELEASE_20240101.zip', 'UDID_FULL_RELEASE_20240101.zip');
    serveFile('/udi/files/UDID_DAY_UPDATE_20240102.xml', 'UDID_DAY_UPDATE_20240102.xml');
    const { runner, services: s } = servicesWith({ udiIncrementalUrl: `${server.url}/udi/download.html`, udiDownloadDir: dir });
    const job = s.jobs.get('udi-incremental');
    const first = await runner.run(job, 'manual');
    expect(first).toMatchObject({ status: 'succeeded', counts: { filesDownloaded: 2, filesImported: 2 } });
    expect(fs.readdirSync(dir).sort()).toEqual(['UDID_DAY_UPDATE_20240102.xml', 'UDID_FULL_RELEASE_20240101.zip']);
    expect(server.requests.find((r) => r.path.endsWith('.zip'))?.headers['user-agent']).toBe(s.config.freshness.http.userAgent);

    const second = await runner.run(job, 'manual');
    expect(second).toMatchObject({ status: 'succeeded', counts: { filesDownloaded: 0, filesImported: 0, filesSkipped: 2 } });
    expect(server.requests.at(-1)).toMatchObject({
      path: '/udi/download.html',
      headers: expect.objectContaining({ 'if-none-match': '"listing-1"' }),
    });
  });

  it('still imports what is on disk when the download fails, and says the run was partial', async () => {
    fs.copyFileSync(udiFixture('UDID_DAY_UPDATE_20240102.xml'), path.join(dir, 'UDID_DAY_UPDATE_20240102.xml'));
    server.route('/udi/download.html', (_request, response) => {
      response.writeHead(404);
      response.end();
    });
    const { runner, services: s } = servicesWith({ udiIncrementalUrl: `${server.url}/udi/download.html`, udiIncrementalDir: dir });
    const run = await runner.run(s.jobs.get('udi-incremental'), 'manual');
    expect(run).toMatchObject({ status: 'partial', counts: { filesImported: 1 } });
    expect(run.error).toContain('HTTP 404');
  });

  it('is listed but disabled, saying why, when neither a directory nor a URL is configured', () => {
    const { services: s } = servicesWith({ jobsEnabled: true });
    expect(s.jobs.get('udi-incremental')).toMatchObject({
      enabled: false,
      disabledReason: 'neither UDI_INCREMENTAL_DIR nor UDI_INCREMENTAL_URL is set',
    });
  });
});
