import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.ts';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config/config.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import { pdfBytes, tempDir } from '../tickets/fixtures.ts';

/** Screenshots land here for a person to look at (1280 px and 390 px wide). */
const SCREENSHOTS = path.join(os.tmpdir(), 'certref-console');
const NUMBER = '粤械注准20232070123';

let services: Services;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let technicianKey: string;

beforeAll(async () => {
  const executablePath = ensureChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  services = createServices(testConfig({ attachmentsDir: tempDir('certref-e2e-'), rateLimitPerMinute: 0 }));
  app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  technicianKey = services.apiKeys.create({ name: '技术员张三', role: 'technician', organisation: '广东省药监局' }, 'test').key;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  services?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Every form control has a label a screen reader announces. */
async function unlabelledControls(page: Page): Promise<string[]> {
  // Runs in the page: the project's TypeScript has no DOM types, so the elements are typed loosely.
  return page.$$eval('input, select, textarea', (controls: any[]) =>
    controls
      .filter((c) => c.type !== 'hidden' && (c.labels?.length ?? 0) === 0 && !c.getAttribute('aria-label'))
      .map((c) => String(c.outerHTML).slice(0, 80)),
  );
}

async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as any;
    return document.documentElement.scrollWidth > innerWidth + 1;
  });
}

describe('the technician console, in headless Chromium', () => {
  it('a missing 粤 lookup opens a ticket; a technician resolves it with a PDF; the auto-fill then answers 200', async () => {
    const miss = await fetch(`${base}/v1/autofill?number=${encodeURIComponent(NUMBER)}`);
    expect(miss.status).toBe(404);
    const ticket = ((await miss.json()) as { ticket: { id: number; status: string; href: string } }).ticket;
    expect(ticket.status).toBe('open');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      // 404s the test causes on purpose are API answers; anything else failing to load is a bug.
      if (response.status() >= 400 && !response.url().includes('/v1/')) problems.push(`${response.status()} ${response.url()}`);
    });

    // Sign in by keyboard only.
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: '技术人员登录' }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    let presses = 0;
    while ((await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name'))) !== 'key' && presses < 6) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name'))).toBe('key');
    await page.keyboard.type(technicianKey);
    await page.keyboard.press('Enter');

    // The queue lists the ticket.
    await page.getByRole('heading', { name: '补录工单' }).waitFor();
    await page.getByRole('link', { name: NUMBER }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await shoot(page, 'queue-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shoot(page, 'queue-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Claim it.
    await page.getByRole('link', { name: NUMBER }).click();
    await page.getByRole('button', { name: '认领' }).click();
    await page.getByRole('heading', { name: '补录证书信息' }).waitFor();

    // Attach the certificate as a PDF.
    await page
      .getByLabel('上传证书（PDF、JPG、PNG，不超过 20 MB）')
      .setInputFiles({ name: '注册证.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('已上传：注册证.pdf').waitFor();
    const attachment = page.locator('li.attachment', { hasText: '注册证.pdf' });
    await attachment.getByRole('button', { name: '预览' }).click();
    await page.getByTitle('证据预览：注册证.pdf').waitFor();

    // Live number validation, then the certificate's data.
    await page.getByText(`✓ 识别为 ${NUMBER}`).waitFor();
    await page.getByLabel('注册证编号/备案编号（按证书原样填写）').fill('粤械注准2023207012');
    await page.getByText('✗').waitFor();
    await page.getByLabel('注册证编号/备案编号（按证书原样填写）').fill(`${NUMBER}号`);
    await page.getByText(`✓ 识别为 ${NUMBER}`).waitFor();
    await page.getByLabel('产品名称').fill('医用电子体温计');
    await page.getByLabel('注册人名称').fill('广州某医疗器械有限公司');
    await page.getByLabel('批准日期').fill('2023-03-15');
    await page.getByLabel('有效期至').fill('2028-03-14');
    expect(await unlabelledControls(page)).toEqual([]);
    await shoot(page, 'ticket-claimed-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shoot(page, 'ticket-claimed-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: '提交补录' }).click();
    await page.getByText('已补录').waitFor();
    await page.getByRole('heading', { name: '自动填报结果' }).waitFor();
    await expect(page.getByTestId('autofill').textContent()).resolves.toContain('医用电子体温计');
    await shoot(page, 'ticket-resolved-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shoot(page, 'ticket-resolved-390');

    // The auto-fill answers every later lookup with the entered data.
    const autofill = await fetch(`${base}/v1/autofill?number=${encodeURIComponent(NUMBER)}`);
    expect(autofill.status).toBe(200);
    expect(await autofill.json()).toMatchObject({
      number: NUMBER,
      productName: '医用电子体温计',
      holder: '广州某医疗器械有限公司',
      approvalDate: '2023-03-15',
      effectiveDate: '2023-03-15',
      expiryDate: '2028-03-14',
      basedOn: { source: 'correction' },
    });
    // The requester follows the 404's link (by the ticket's ref) and sees it resolved.
    const resolved = (await (await fetch(`${base}${ticket.href}`)).json()) as { status: string; resolution: { name: string } };
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { name: '技术员张三' } });
    expect(problems).toEqual([]);
    await page.close();
  });
});
