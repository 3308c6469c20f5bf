import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.ts';
import { loadDemoData } from '../../seed/load-demo-data.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';

interface Answer {
  number: string;
  productName: string;
  holder: string;
  approvalDate: string;
  effectiveDate: string;
  expiryDate: string | null;
  reportable: boolean;
  reasons: string[];
}

/** The demo data's certificates the tests type, picked by what the auto-fill answers for them. */
interface Picked {
  inEffect: Answer;
  /** 型号规格 of the document in effect, as GET /v1/certificates gives it. */
  inEffectModel: string;
  expired: Answer;
  /** The in-effect number with one digit wrong: not held, and answered with the right one as a suggestion. */
  typo: string;
}

interface FilledDetail {
  number: string;
  filled: string[];
}

interface PageElement {
  tagName: string;
  textContent: string | null;
  id: string;
  shadowRoot: { activeElement: PageElement | null } | null;
}

/** The few browser globals the page functions below touch: the project's TypeScript has no DOM types. */
interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    documentElement: { scrollWidth: number };
    addEventListener(type: string, listener: (event: { detail: FilledDetail }) => void): void;
  };
  innerWidth: number;
  customElements: { get(name: string): unknown };
  filledEvents: FilledDetail[];
}

let ctx: TestContext;
let base: string;
let browser: Browser;
let picked: Picked;
let screenshots: string;
let hostServer: http.Server;
let hostOrigin: string;
let readerKey: string;

/** Full-width digits and spaces, as clerks paste numbers out of Word files and scans. */
function messy(number: string): string {
  const wide = number.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  return `${wide.slice(0, 2)} ${wide.slice(2, 4)}  ${wide.slice(4, 8)} ${wide.slice(8)} `;
}

async function autofill(number: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await ctx.app.inject({ url: `/v1/autofill?number=${encodeURIComponent(number)}` });
  return { status: response.statusCode, body: response.json() };
}

async function pick(): Promise<Picked> {
  const rows = ctx.services.database.sqlite
    .prepare("SELECT canonical FROM certificates WHERE canonical LIKE '粤械注准%' ORDER BY id")
    .all() as { canonical: string }[];
  let inEffect: Answer | undefined;
  let inEffectModel = '';
  let expired: Answer | undefined;
  for (const { canonical } of rows) {
    const answer = (await autofill(canonical)).body as unknown as Answer;
    if (!expired && answer.reasons.includes('expired')) expired = answer;
    if (!inEffect && answer.reportable && answer.expiryDate && answer.productName && answer.holder) {
      const certificate = (await ctx.app.inject({ url: `/v1/certificates/${encodeURIComponent(canonical)}` })).json();
      const current = certificate.versions.find((v: { id: number }) => v.id === certificate.current.versionId);
      if (current?.modelSpec) {
        inEffect = answer;
        inEffectModel = current.modelSpec;
      }
    }
    if (inEffect && expired) break;
  }
  if (!inEffect || !expired) throw new Error('the demo data holds no 粤 certificate in effect with a model, or none expired');
  for (let digit = 0; digit <= 9; digit++) {
    const typo = inEffect.number.slice(0, -1) + String(digit);
    if (typo === inEffect.number) continue;
    const { status, body } = await autofill(typo);
    const suggestions = (body.suggestions ?? []) as { number: string }[];
    if (status === 404 && suggestions.some((s) => s.number === inEffect.number)) return { inEffect, inEffectModel, expired, typo };
  }
  throw new Error(`no one-digit typo of ${inEffect.number} is answered with it as a suggestion`);
}

beforeAll(async () => {
  const executablePath = ensureChromium();
  screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-widget-'));
  // A host page on another origin, as a filing system embedding the widget would serve it.
  hostServer = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage(request.url === '/revoked' ? 'crk_revoked-or-never-issued-key-000000' : readerKey));
  });
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;

  ctx = await buildTestApp({ config: { rateLimitPerMinute: 0, widgetAllowedOrigins: [hostOrigin] } });
  loadDemoData(ctx.services.writer, { count: 400, today: ctx.services.today() });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  readerKey = ctx.services.apiKeys.create({ name: '某备案系统', role: 'reader' }, 'test').key;
  picked = await pick();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  await new Promise((resolve) => hostServer?.close(resolve));
  if (screenshots) fs.rmSync(screenshots, { recursive: true, force: true });
});

function hostPage(apiKey: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某备案系统</title>
<script src="${base}/widget/certref.js" defer></script></head><body>
<certref-autofill endpoint="${base}" api-key="${apiKey}" form="#filing"></certref-autofill>
<form id="filing"><label>证号 <input id="n" data-certref="number"></label><label>名称 <input id="p" data-certref="productName"></label></form>
</body></html>`;
}

/** A page on the demo form that fails the test on any script error, CSP violation or failed file. */
async function demoPage(width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.setDefaultTimeout(8000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[34]|status of 422/.test(message.text())) problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/v1/')) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}/widget/demo`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).customElements.get('certref-autofill') !== undefined);
  return { page, problems };
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const NUMBER_LABEL = '注册证编号/备案凭证编号';

async function expectFilledWith(page: Page, answer: Answer, model?: string): Promise<void> {
  await expect.poll(() => field(page, '产品名称').inputValue()).toBe(answer.productName);
  expect(await field(page, '注册人/备案人名称').inputValue()).toBe(answer.holder);
  expect(await field(page, '批准日期').inputValue()).toBe(answer.approvalDate);
  expect(await field(page, '生效日期').inputValue()).toBe(answer.effectiveDate);
  expect(await field(page, '有效期至').inputValue()).toBe(answer.expiryDate ?? '');
  if (model !== undefined) await expect.poll(() => field(page, '型号规格').inputValue()).toBe(model);
}

/** The element that has the focus, looking inside shadow roots. */
async function focused(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    let element = (globalThis as unknown as PageGlobals).document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return { tag: String(element?.tagName ?? ''), text: String(element?.textContent ?? ''), id: String(element?.id ?? '') };
  });
}

async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    return document.documentElement.scrollWidth > innerWidth + 1;
  });
}

describe('the auto-fill widget on the demo reporting form, in headless Chromium', () => {
  it('a messy number (spaces, full-width digits) typed key by key fills every field and says it is reportable', async () => {
    const { page, problems } = await demoPage();
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.filledEvents = [];
      w.document.addEventListener('certref:filled', (event) => w.filledEvents.push(event.detail));
    });
    await field(page, NUMBER_LABEL).pressSequentially(messy(picked.inEffect.number), { delay: 15 });
    await expectFilledWith(page, picked.inEffect, picked.inEffectModel);
    await page.getByText(`可填报：${picked.inEffect.number}`).waitFor();
    // The status is announced: it sits in a live region the number field is described by.
    const described = await field(page, NUMBER_LABEL).getAttribute('aria-describedby');
    expect(described).toMatch(/^certref-status-\d+$/);
    expect(await page.locator(`#${described}`).getByRole('status').textContent()).toContain('可填报');
    const events = await page.evaluate(() => (globalThis as unknown as PageGlobals).filledEvents);
    expect(events.at(-1)).toMatchObject({ number: picked.inEffect.number });
    expect(events.at(-1)!.filled).toEqual(
      expect.arrayContaining(['productName', 'holder', 'approvalDate', 'effectiveDate', 'expiryDate', 'model']),
    );
    // The clerk may replace what they typed with the number as it is written.
    await page.getByRole('button', { name: `改用规范证号 ${picked.inEffect.number}` }).click();
    expect(await field(page, NUMBER_LABEL).inputValue()).toBe(picked.inEffect.number);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a one-digit typo offers the right number as a button; one click fills the form', async () => {
    const { page, problems } = await demoPage();
    await field(page, NUMBER_LABEL).fill(picked.typo);
    const suggestion = page.getByRole('button', { name: picked.inEffect.number, exact: true });
    await suggestion.waitFor();
    await page.getByText('您要查的是不是以下证号？').waitFor();
    expect(await field(page, '产品名称').inputValue()).toBe('');
    await suggestion.click();
    expect(await field(page, NUMBER_LABEL).inputValue()).toBe(picked.inEffect.number);
    await expectFilledWith(page, picked.inEffect, picked.inEffectModel);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an expired certificate fills the form but warns 不可填报：已过期', async () => {
    const { page, problems } = await demoPage();
    await field(page, NUMBER_LABEL).fill(picked.expired.number);
    await page.getByText(/^不可填报：已过期/).waitFor();
    await expectFilledWith(page, picked.expired);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a slow answer for a number the clerk has since replaced never fills the form', async () => {
    const { page, problems } = await demoPage();
    let slowAsked = false;
    // The network is slow for the first number only; the service's answer itself is untouched.
    await page.route(`**/v1/autofill?number=${encodeURIComponent(picked.inEffect.number)}`, async (route) => {
      slowAsked = true;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await field(page, NUMBER_LABEL).fill(picked.inEffect.number);
    await expect.poll(() => slowAsked).toBe(true);
    await field(page, NUMBER_LABEL).fill(picked.expired.number);
    await page.getByText(/^不可填报：已过期/).waitFor();
    await expectFilledWith(page, picked.expired);
    // Well after the slow answer would have arrived, the form still shows the second certificate.
    await page.waitForTimeout(2000);
    await expectFilledWith(page, picked.expired);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/^不可填报：已过期/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never overwrites a field typed by hand: it asks 以证书数据覆盖？ and overwrites only on a click', async () => {
    const { page, problems } = await demoPage();
    // Typed before the number: the widget must not take it.
    await field(page, '产品名称').fill('手工填写的名称');
    await field(page, NUMBER_LABEL).fill(picked.inEffect.number);
    await expect.poll(() => field(page, '注册人/备案人名称').inputValue()).toBe(picked.inEffect.holder);
    expect(await field(page, '产品名称').inputValue()).toBe('手工填写的名称');
    await page.getByText(`产品名称已手工修改，证书数据为“${picked.inEffect.productName}”。以证书数据覆盖？`).waitFor();

    // Edited after the widget filled it: a new number does not overwrite it either.
    await field(page, '注册人/备案人名称').fill('另一家公司');
    await field(page, NUMBER_LABEL).fill(picked.expired.number);
    await page.getByText(/^不可填报：已过期/).waitFor();
    await expect.poll(() => field(page, '批准日期').inputValue()).toBe(picked.expired.approvalDate);
    expect(await field(page, '注册人/备案人名称').inputValue()).toBe('另一家公司');
    await page.getByRole('button', { name: '以证书数据覆盖注册人/备案人' }).waitFor();

    // One click takes the certificate's value, and the prompt goes.
    await page.getByRole('button', { name: '以证书数据覆盖产品名称' }).click();
    expect(await field(page, '产品名称').inputValue()).toBe(picked.expired.productName);
    expect(await page.getByRole('button', { name: '以证书数据覆盖产品名称' }).count()).toBe(0);
    // Keeping what was typed dismisses the prompt and leaves the field alone.
    await page.getByRole('button', { name: '保留手工填写的注册人/备案人' }).click();
    expect(await field(page, '注册人/备案人名称').inputValue()).toBe('另一家公司');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works by keyboard alone: Tab to the number field, type a typo, Tab to the suggestion, Enter', async () => {
    const { page, problems } = await demoPage();
    let presses = 0;
    while ((await focused(page)).id !== 'cert-number' && presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect((await focused(page)).id).toBe('cert-number');
    await page.keyboard.type(picked.typo);
    await page.getByRole('button', { name: picked.inEffect.number, exact: true }).waitFor();
    // The suggestion is the next stop after the number field.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: picked.inEffect.number });
    await page.keyboard.press('Enter');
    await expectFilledWith(page, picked.inEffect, picked.inEffectModel);
    // The focus comes back to the number field, so the next Tab goes on through the form.
    expect((await focused(page)).id).toBe('cert-number');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone without horizontal scrolling, prompts and suggestions included (screenshots at 1280 and 390 px)', async () => {
    const { page, problems } = await demoPage();
    await field(page, '产品名称').fill('手工填写的名称');
    await field(page, NUMBER_LABEL).fill(picked.expired.number);
    await page.getByText(/^不可填报：已过期/).waitFor();
    await page.getByRole('button', { name: '以证书数据覆盖产品名称' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'widget-expired-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: path.join(screenshots, 'widget-expired-390.png'), fullPage: true });
    await field(page, NUMBER_LABEL).fill(picked.typo);
    await page.getByRole('button', { name: picked.inEffect.number, exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: path.join(screenshots, 'widget-typo-390.png'), fullPage: true });
    for (const name of ['widget-expired-1280.png', 'widget-expired-390.png', 'widget-typo-390.png']) {
      expect(fs.statSync(path.join(screenshots, name)).size).toBeGreaterThan(1000);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on another site listed in WIDGET_ALLOWED_ORIGINS, with an API key, it fills the form across origins', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(8000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${hostOrigin}/`);
    await page.locator('#n').fill(picked.inEffect.number);
    await expect.poll(() => page.locator('#p').inputValue()).toBe(picked.inEffect.productName);
    await page.getByText(`可填报：${picked.inEffect.number}`).waitFor();
    // The key travels as X-API-Key (a preflighted header): a bad one is refused, and the refusal is readable.
    await page.goto(`${hostOrigin}/revoked`);
    await page.locator('#n').fill(picked.inEffect.number);
    await page.getByText('API 密钥无效或已被吊销。').waitFor();
    expect(await page.locator('#p').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
