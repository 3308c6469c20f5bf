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

  it('every failure says what went wrong in the banner; closed tickets name who closed them; times read YYYY-MM-DD HH:mm', async () => {
    const other = services.apiKeys.create({ name: '技术员李四', role: 'technician', organisation: '广东省药监局' }, 'test').key;
    const asOther = { authorization: `Bearer ${other}` };
    const openTicket = async (number: string) => {
      const miss = await fetch(`${base}/v1/autofill?number=${encodeURIComponent(number)}`);
      return ((await miss.json()) as { ticket: { id: number } }).ticket.id;
    };
    const rejected = await openTicket('粤械注准20232070201');
    await fetch(`${base}/v1/tickets/${rejected}/claim`, { method: 'POST', headers: asOther });
    await fetch(`${base}/v1/tickets/${rejected}/reject`, {
      method: 'POST',
      headers: { ...asOther, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'no_such_certificate', note: '查无此证' }),
    });
    const contested = await openTicket('粤械注准20232070202');

    // A locale whose own date format differs, to show the console does not lean on it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
    page.setDefaultTimeout(8000);
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: '技术人员登录' }).waitFor();
    await page.locator('input[name=key]').fill(technicianKey);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '补录工单' }).waitFor();

    // (c) timestamps in Shanghai time, written the way people here write them.
    const firstSeen = page.locator('td[data-label="首次查询"]').first();
    await expect(firstSeen.textContent()).resolves.toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // (b) the closed ticket names who closed it.
    await page.goto(`${base}/console/#/queue?status=rejected&sort=demand`);
    const row = page.locator('tr', { hasText: '粤械注准20232070201' });
    await row.waitFor();
    await expect(row.locator('td[data-label="处理人"]').textContent()).resolves.toBe('技术员李四');

    // (a) someone else claims the ticket while this page shows it: the 409 is explained, with its code.
    const banner = page.locator('#flash');
    await page.goto(`${base}/console/#/tickets/${contested}`);
    await page.getByRole('button', { name: '认领' }).waitFor();
    await fetch(`${base}/v1/tickets/${contested}/claim`, { method: 'POST', headers: asOther });
    await page.getByRole('button', { name: '认领' }).click();
    await expect.poll(() => banner.textContent()).toMatch(/技术员李四.*错误代码：ticket_claimed_by_other/);
    await fetch(`${base}/v1/tickets/${contested}/release`, { method: 'POST', headers: asOther });

    // A proxy's HTML 502 and a 413 without a body of ours, then no connection at all.
    await page.reload();
    const claimRoute = `**/v1/tickets/${contested}/claim`;
    await page.route(claimRoute, (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }));
    await page.getByRole('button', { name: '认领' }).click();
    await expect.poll(() => banner.textContent()).toBe('服务器暂时无法处理请求，请稍后重试。（错误代码：http_502）');
    await page.unroute(claimRoute);
    await page.route(claimRoute, (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: 'Request Entity Too Large' }),
    );
    await page.getByRole('button', { name: '认领' }).click();
    await expect.poll(() => banner.textContent()).toBe('提交的内容过大，服务器拒绝接收。（错误代码：http_413）');
    await page.unroute(claimRoute);
    await page.route(claimRoute, (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: '认领' }).click();
    await expect.poll(() => banner.textContent()).toBe('无法连接服务器，请检查网络后重试。（错误代码：network）');
    await page.unroute(claimRoute);

    // A 400 whose issues name fields the form does not have: they are listed, with the code.
    await page.getByRole('button', { name: '认领' }).click();
    await page.getByRole('heading', { name: '补录证书信息' }).waitFor();
    const stray = await app.inject({
      method: 'POST',
      url: `/v1/tickets/${contested}/resolve`,
      headers: { authorization: `Bearer ${technicianKey}` },
      payload: { number: '粤械注准20232070202', productName: '口罩', approvalDate: '2023-01-01', expiryDate: '2028-01-01', bogus: 1 },
    });
    expect(stray.statusCode).toBe(400);
    await page.route(`**/v1/tickets/${contested}/resolve`, (route) =>
      route.fulfill({ status: 400, contentType: 'application/problem+json', body: stray.body }),
    );
    await page.getByLabel('产品名称').fill('口罩');
    await page.getByRole('button', { name: '提交补录' }).click();
    const formError = page.locator('.form-error');
    await formError.waitFor();
    const shown = (await formError.textContent()) ?? '';
    expect(shown).toContain('错误代码：invalid_request');
    expect(shown).toContain('`bogus`');
    expect(shown).not.toMatch(/Unrecognized/);
    await shoot(page, 'ticket-errors-1280');
    await page.close();
  });
});
