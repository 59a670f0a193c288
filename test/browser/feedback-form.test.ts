// The feedback form as a user meets it: headless Chromium on a phone-sized
// screen with JavaScript switched off, filled in and sent with the keyboard
// only; and the form, its error state and the thank-you page scanned with axe
// (WCAG 2.1 A and AA; axe itself needs JavaScript, so the scans run in a
// page that has it). Locally a missing Chromium is said plainly; in CI it fails.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { assessment } from '../support/fixtures.js';
import { standIns } from '../support/stand-ins.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SCREENSHOTS = join(REPO_ROOT, '.data', 'screenshots');
const ORG = 'OVO000123';

let stack: LocalStack;
let browser: Browser;
let formUrl: string;

beforeAll(async () => {
  if (!available) {
    if (process.env.CI === 'true')
      throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install Debian's chromium package (.ci/run does)`);
    return;
  }
  const env = await standIns('browserform');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  formUrl = `${stack.apiUrl}/feedback/${ORG}/omgevingsvergunning`;
  const key = (await stack.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  const res = await fetch(`${stack.apiUrl}/v1/assessments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(assessment()),
  });
  expect(res.status).toBe(201);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function phonePage(javaScriptEnabled: boolean): Promise<{ page: Page; cspStyleViolations: string[] }> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
  });
  const page = await ctx.newPage();
  const cspStyleViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text()) && /style/i.test(m.text())) cspStyleViolations.push(m.text());
  });
  return { page, cspStyleViolations };
}

const focusedId = (page: Page) => page.locator(':focus').getAttribute('id');

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

describe('the feedback form in a browser', () => {
  it('is filled in and sent with the keyboard only, without JavaScript, and ends on the thank-you page', async (ctx) => {
    if (!available) {
      console.warn(`\n  Chromium not found at ${CHROMIUM}: the browser test did not run. Install it with: apt-get install chromium\n`);
      ctx.skip();
    }
    const { page, cspStyleViolations } = await phonePage(false);
    expect((await page.goto(formUrl))?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Wat vindt u van Omgevingsvergunning aanvragen?');
    expect(cspStyleViolations).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'feedback-form-phone.png') });

    // Tab into the rating, choose 4 with the arrow keys; "yes"; a comment; send with Enter.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('rating-1');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#rating-4').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('foundIt-yes');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('comment');
    await page.keyboard.type('De aanvraag ging vlot. Bel me gerust: 0470 12 34 56.');
    // The honeypot is skipped: the next stop is the button.
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Verstuur');
    await Promise.all([page.waitForURL(/\/bedankt$/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Bedankt voor uw mening');
  });

  it('passes axe on the form, on the form with its problems named, and on the thank-you page; fits a phone', async (ctx) => {
    if (!available) ctx.skip();
    const { page, cspStyleViolations } = await phonePage(true);
    await page.goto(formUrl);
    // The one inline style applies under the CSP: the button has its colour.
    expect(
      await page
        .locator('button')
        .evaluate(
          (b) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b).backgroundColor,
        ),
    ).toBe('rgb(11, 79, 150)');
    expect(cspStyleViolations).toEqual([]);
    expect(
      await page
        .locator('html')
        .evaluate(
          (html) => (html as { scrollWidth: number; clientWidth: number }).scrollWidth - (html as { clientWidth: number }).clientWidth,
        ),
    ).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Sent without a rating: the form comes back with the problem at the top and beside the field.
    await page.locator('button').focus();
    await Promise.all([page.waitForURL(/\/v1\/feedback\//), page.keyboard.press('Enter')]);
    expect(await page.title()).toBe('Fout: Wat vindt u van Omgevingsvergunning aanvragen?');
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe('Kies hoe tevreden u bent.');
    await expect(page.locator('#rating-error').textContent()).resolves.toBe('Fout: Kies hoe tevreden u bent.');
    await page.screenshot({ path: join(SCREENSHOTS, 'feedback-form-error-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${formUrl}/bedankt`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
