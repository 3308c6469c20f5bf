import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.ts';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import { messyGbkCsv, storeKnownCertificates } from './template-fixtures.ts';

let services: Services;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  const executablePath = ensureChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-precheck-e2e-'));
  services = createServices(testConfig({ rateLimitPerMinute: 0 }), { now: () => new Date('2026-11-25T04:00:00Z') });
  storeKnownCertificates(services);
  app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  services?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the pre-check page, in headless Chromium', () => {
  it('takes a messy CSV without a key, shows the counts, and downloads the corrected GBK file', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${base}/console/precheck`);
    await page.getByRole('heading', { name: '上传前先核查批量填报模板' }).waitFor();
    const template = path.join(dir, '产品信息.csv');
    fs.writeFileSync(template, messyGbkCsv());
    await page.getByLabel(/选择填好的模板/).setInputFiles(template);
    await page.getByRole('button', { name: '开始核查' }).click();

    await page.getByRole('heading', { name: '核查结果' }).waitFor();
    const count = (key: string) => page.locator(`[data-count="${key}"]`).textContent();
    expect(await count('passed')).toBe('1');
    expect(await count('corrected')).toBe('2');
    expect(await count('notReportable')).toBe('2');
    expect(await count('notListed')).toBe('3');
    expect(await count('total')).toBe('8');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载更正文件/ }).click()]);
    expect(download.suggestedFilename()).toBe('产品信息.checked.csv');
    const saved = path.join(dir, 'downloaded.csv');
    await download.saveAs(saved);
    const text = iconv.decode(fs.readFileSync(saved), 'gbk');
    expect(text.split('\r\n')[0]).toBe('注册证编号,产品名称,注册人名称,批准日期,生效日期,有效期至,备注,核查结果,说明');
    expect(text).toContain('粤械注准20232140001,医用外科口罩,广州甲医疗器械有限公司,2023-03-10,2023-03-20,2028-03-19,多余空格,已更正');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the problem in Chinese when the file is not a template', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${base}/console/precheck`);
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, '名称,数量\r\n口罩,3\r\n');
    await page.getByLabel(/选择填好的模板/).setInputFiles(other);
    await page.getByRole('button', { name: '开始核查' }).click();
    await page.locator('.flash-error').waitFor();
    expect(await page.locator('.flash-error').textContent()).toContain('precheck_not_a_template');
    expect(await page.locator('#precheck-result').isHidden()).toBe(true);
    await page.close();
  });
});
