// /docs as an integrator sees it: the local stack serves the rendered OpenAPI
// document from the installed renderer; in headless Chromium every operation
// shows, under the docs' own Content-Security-Policy with no violation, and
// the page loads nothing from anywhere but itself (no CDN).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { OPERATIONS } from '../../shared/adapters/openapi.js';
import { standIns } from '../support/stand-ins.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  if (!available) {
    if (process.env.CI === 'true')
      throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install Debian's chromium package (.ci/run does)`);
    return;
  }
  const env = await standIns('docs');
  stack = await startLocalStack({ settings: env.settings, standIns: false, poll: false });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('/docs in a browser', () => {
  it('renders every operation from the installed renderer, under its own CSP, loading nothing from elsewhere', async (ctx) => {
    if (!available) {
      console.warn(`\n  Chromium not found at ${CHROMIUM}: the docs browser test did not run. Install it with: apt-get install chromium\n`);
      ctx.skip();
    }
    const redirect = await fetch(`${stack.apiUrl}/docs`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/docs/');

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    const requested: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      else if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requested.push(r.url()));
    const res = await page.goto(`${stack.apiUrl}/docs/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Every operation of the document, each under its tag.
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    for (const tag of ['providers', 'eloketten', 'committee', 'catalog', 'operations']) {
      const section = page.locator(`.opblock-tag[data-tag="${tag}"]`);
      if ((await section.getAttribute('data-is-open')) === 'false') await section.click();
    }
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(Object.keys(OPERATIONS).length);
    await expect(page.locator('.opblock-summary-path').allTextContents()).resolves.toContain('/v1/indicators/series');
    await expect(page.locator('.info .title').textContent()).resolves.toContain('dds-monitor');
    mkdirSync(join(REPO_ROOT, '.data', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, '.data', 'screenshots', 'docs.png') });

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    expect(requested.filter((u) => !u.startsWith(`${stack.apiUrl}/docs/`) && !u.startsWith('data:'))).toEqual([]);
    expect(requested).toContain(`${stack.apiUrl}/docs/swagger-ui-bundle.js`);
  });
});
