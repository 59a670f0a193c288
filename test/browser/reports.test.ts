// The published reports as a reader sees them: headless Chromium (Debian's
// package, driven by playwright-core) on a phone-sized screen, with an axe-core
// accessibility scan. Locally a missing Chromium is said plainly; in CI it fails.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../infra/local/load-demo.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { standIns } from '../support/stand-ins.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SCREENSHOTS = join(REPO_ROOT, '.data', 'screenshots');

let stack: LocalStack;
let browser: Browser;
let committeeKey: string;

beforeAll(async () => {
  if (!available) {
    if (process.env.CI === 'true')
      throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install Debian's chromium package (.ci/run does)`);
    return;
  }
  const env = await standIns('browser');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  committeeKey = (await loadDemo(stack, () => undefined)).keys.committee;
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

async function phonePage(headers: Record<string, string> = {}): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: headers,
  });
  return ctx.newPage();
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

describe('reports in a browser', () => {
  it('shows a citizen the public report on a phone, readable and accessible', async (ctx) => {
    if (!available) {
      console.warn(`\n  Chromium not found at ${CHROMIUM}: the browser test did not run. Install it with: apt-get install chromium\n`);
      ctx.skip();
    }
    const page = await phonePage();
    const res = await page.goto(`${stack.apiUrl}/reports/latest/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Hoe goed presteert de digitale dienstverlening? Cijfers over het 3e kwartaal van 2026',
    );
    await expect(page.locator('ul.kpis').first().locator('li').allTextContents()).resolves.toEqual([
      '52 getoetste diensten',
      '16 van 31 vernieuwde diensten scoren goed op de gebruikers- én op de inclusiecriteria (resultaat na de vernieuwing)',
      '4 van 21 diensten in vernieuwing verwachten goed te scoren op beide (toetsing vóór de vernieuwing)',
      expect.stringMatching(/^\d+ vernieuwde diensten scoren beter dan vóór hun vernieuwing$/),
      expect.stringMatching(/ diensten via de e-loketten$/),
      expect.stringMatching(/ van de interacties verloopt online$/),
    ]);
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual([
      'In het kort: het 3e kwartaal van 2026',
      'Hoe scoren de diensten per principe?',
      'Vernieuwde diensten: vóór en na',
      'Diensten in vernieuwing',
      'Hoeveel diensten halen een goede waarde?',
      'Hoe tevreden zijn de gebruikers?',
      'Hoeveel diensten bieden de e-loketten aan?',
      'Digitaal, telefonisch of aan het loket?',
      'Hoe lezen we deze cijfers?',
    ]);
    // Satisfaction over all services as a figure, per service "te weinig reacties" below 10 responses.
    expect(await page.locator('#tevredenheid ~ ul.kpis li').first().textContent()).toMatch(
      /^\d+,\d % van de gebruikers is tevreden \(score 4 of 5\), over alle diensten in het 3e kwartaal van 2026$/,
    );
    expect(await page.getByRole('region', { name: 'Tevredenheid per dienst, het 3e kwartaal van 2026' }).textContent()).toContain(
      'te weinig reacties',
    );
    // Results and forecasts are shown apart.
    expect(await page.locator('h3').allTextContents()).toEqual(
      expect.arrayContaining(['Resultaten na de vernieuwing (31 diensten)', 'Verwachtingen vóór de vernieuwing (21 diensten)']),
    );
    // Every chart is an image with a text alternative, followed by a table and a CSV link.
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBe(7);
    for (const label of await charts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? '')))
      expect(label.length).toBeGreaterThan(40);
    expect(await page.locator('a[download]').evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual([
      'indicators.csv',
      'vernieuwde-diensten.csv',
      'in-vernieuwing.csv',
      'goede-waarden.csv',
      'tevredenheid.csv',
      'tevredenheid-kwartalen.csv',
      'e-loketten.csv',
      'kanalen.csv',
    ]);
    // The operational indicators: how many services meet a good value, results and forecasts apart, and no service named.
    const goodValues = page.locator('h2#goede-waarden ~ div.table-wrap table').first();
    await expect(goodValues.locator('caption').textContent()).resolves.toBe(
      'Diensten met een goede waarde per kenmerk, het 3e kwartaal van 2026',
    );
    expect(await goodValues.locator('tbody th').allTextContents()).toEqual([
      'notificaties aanwezig',
      'taalniveau B1 of eenvoudiger',
      'mobiel bruikbaar',
      'eenmalig aanmelden mogelijk',
      'feedback geven mogelijk',
      'WCAG AA of beter',
    ]);
    // Nothing is wider than the phone except tables, which scroll inside their own region.
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBe(0);
    const shot = join(SCREENSHOTS, 'public-phone.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the committee its private report, and only with a committee key', async (ctx) => {
    if (!available) ctx.skip();
    const anonymous = await fetch(`${stack.apiUrl}/committee/2026-Q3/`);
    expect(anonymous.status).toBe(401);
    // A browser asks for the key as a password.
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="dds-monitor Stuurorgaan", charset="UTF-8"');
    const page = await phonePage({ authorization: `Basic ${Buffer.from(`stuurorgaan:${committeeKey}`).toString('base64')}` });
    expect((await page.goto(`${stack.apiUrl}/committee/2026-Q3/`))?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapport voor het Stuurorgaan: het 3e kwartaal van 2026');
    const headings = await page.locator('h2').allTextContents();
    for (const h of [
      'Bevindingen over de gegevens',
      'Wie meldde niets?',
      'Agenda: toetsingen met criteria waaraan niet voldaan is',
      'Verschuldigde toetsingen',
      'Beloofde verbeteringen waarvan de datum voorbij is',
      'Diensten per beleidsdomein en organisatie',
      'Welke criteria worden het minst gehaald?',
      'Niet voldaan of niet van toepassing, met toelichting (pas toe of leg uit)',
      'Diensten in vernieuwing',
      'Hoe tevreden zijn de gebruikers?',
      'Wat gebruikers schreven',
      'Hoeveel diensten halen een goede waarde?',
      'Operationele indicatoren: hoe doen de diensten het?',
    ]) {
      expect(headings).toContain(h);
    }
    expect(await page.locator('h3').allTextContents()).toContain('Omgeving');
    // The users' comments, masked as they were stored.
    const comments = (await page.getByRole('region', { name: 'Opmerkingen van gebruikers, het 3e kwartaal van 2026' }).textContent()) ?? '';
    expect(comments).toContain('[telefoonnummer]');
    expect(comments).not.toMatch(/0470 12 34 56|85\.07\.30-033\.28|an\.peeters@voorbeeld\.be/);
    // A part per operational indicator, each with its chart (an image with a text alternative) followed by its table.
    const parts = page.locator('h3[id^="indicator-"]');
    expect(await parts.allTextContents()).toEqual([
      'Aantal processtappen',
      'Notificaties',
      'Taalniveau',
      'Mobiel bruikbaar',
      'Eenmalig aanmelden',
      'Feedbackmogelijkheid',
      'Toegankelijkheid (WCAG-niveau)',
    ]);
    for (const id of ['processSteps', 'notifications', 'plainLanguageLevel']) {
      const chart = page.locator(`h3#indicator-${id} ~ svg[role="img"]`).first();
      expect((await chart.getAttribute('aria-label'))!.length).toBeGreaterThan(40);
      expect(await page.locator(`h3#indicator-${id} ~ svg[role="img"] + div.table-wrap`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('a[download][href^="operationele-indicatoren"]').count()).toBe(3);
    const shot = join(SCREENSHOTS, 'committee-phone.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the committee browse its reports from its own list, readable and accessible', async (ctx) => {
    if (!available) ctx.skip();
    const page = await phonePage({ authorization: `Basic ${Buffer.from(`stuurorgaan:${committeeKey}`).toString('base64')}` });
    expect((await page.goto(`${stack.apiUrl}/committee/`))?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapporten voor het Stuurorgaan');
    expect(await page.locator('main ul li a:first-child').allTextContents()).toEqual([
      'het 3e kwartaal van 2026',
      'het 2e kwartaal van 2026',
      'het jaar 2025',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    // From the list to a report and back, as a committee member clicks through.
    await page.locator('main ul li a:first-child').first().click();
    await page.waitForURL(`${stack.apiUrl}/committee/2026-Q3/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapport voor het Stuurorgaan: het 3e kwartaal van 2026');
    await page.getByRole('link', { name: 'Alle rapporten' }).click();
    await page.waitForURL(`${stack.apiUrl}/committee/`);
    // A period typed without its slash lands on its report.
    await page.goto(`${stack.apiUrl}/committee/2026-Q2`);
    expect(page.url()).toBe(`${stack.apiUrl}/committee/2026-Q2/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapport voor het Stuurorgaan: het 2e kwartaal van 2026');
  });

  it('tells a browser without the committee key, in Dutch, what the password prompt asks for', async (ctx) => {
    if (!available) ctx.skip();
    // What the server sends a browser with no key: 401, the challenge, and the page.
    const answer = await fetch(`${stack.apiUrl}/committee/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => name !== 'www-authenticate'));
    const body = await answer.text();
    // Headless Chromium cannot cancel a password prompt (it fails the navigation instead): it gets the page
    // it shows after one is cancelled, the same answer without the challenge.
    const page = await phonePage();
    await page.route(`${stack.apiUrl}/committee/`, (route) => route.fulfill({ status: 401, headers, body }));
    const res = await page.goto(`${stack.apiUrl}/committee/`);
    expect(res?.status()).toBe(401);
    await expect(page.locator('h1').textContent()).resolves.toBe('Aanmelden voor de rapporten van het Stuurorgaan');
    const text = await page.locator('main').textContent();
    expect(text).toContain('Gebruikersnaam: vrij te kiezen');
    expect(text).toContain('Wachtwoord: de sleutel van het Stuurorgaan');
    const shot = join(SCREENSHOTS, 'committee-sign-in-phone.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists every published period on the index page', async (ctx) => {
    if (!available) ctx.skip();
    const page = await phonePage();
    await page.goto(`${stack.apiUrl}/reports/`);
    expect(await page.locator('main ul li a:first-child').allTextContents()).toEqual([
      'het 3e kwartaal van 2026',
      'het 2e kwartaal van 2026',
      'het jaar 2025',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a citizen the yearly report on a phone: per provider, without a comment or a note, accessible', async (ctx) => {
    if (!available) ctx.skip();
    const page = await phonePage();
    expect((await page.goto(`${stack.apiUrl}/reports/2025/`))?.status()).toBe(200);
    const headings = await page.locator('h2').allTextContents();
    expect(headings.slice(0, 5)).toEqual([
      'In het kort: het jaar 2025',
      'Jaarrapport per dienstverlener, het jaar 2025',
      'Dienstverleners zonder jaarplan voor 2025',
      'Beslissingen van het Stuurorgaan in 2025',
      'Voortgang van het actieplan in 2025',
    ]);
    expect(headings).toContain('Hoe tevreden zijn de gebruikers?');
    expect(headings).not.toContain('Wat gebruikers schreven');
    // Each provider's plan, feedback and maturity scan unfold with the keyboard, no script needed.
    const first = page.locator('#dienstverleners ~ details summary').first();
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#dienstverleners ~ details').first().getAttribute('open')).toBe('');
    await page.locator('details').evaluateAll((els) => els.forEach((el) => el.setAttribute('open', '')));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Maturiteitsscan 2025');
    expect(text).not.toMatch(/\[telefoonnummer\]|\[e-mailadres\]|Leg tegen de volgende vergadering/);
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'yearly-public-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the committee its yearly report, with the comments per provider and the notes, accessible', async (ctx) => {
    if (!available) ctx.skip();
    const page = await phonePage({ authorization: `Basic ${Buffer.from(`stuurorgaan:${committeeKey}`).toString('base64')}` });
    expect((await page.goto(`${stack.apiUrl}/committee/2025/`))?.status()).toBe(200);
    const headings = await page.locator('h2').allTextContents();
    for (const h of [
      'Jaarrapport per dienstverlener, het jaar 2025',
      'Dienstverleners zonder jaarplan voor 2025',
      'Beslissingen van het Stuurorgaan in 2025',
      'Alle beslissingen van 2025, met notities',
      'Voortgang van het actieplan in 2025',
      'Notities bij de voortgang van het actieplan in 2025',
      'Wat gebruikers schreven',
    ])
      expect(headings).toContain(h);
    await page.locator('details').evaluateAll((els) => els.forEach((el) => el.setAttribute('open', '')));
    // A provider's block links to its users' comments further down the page.
    const link = page.locator('#dienstverleners ~ details a[href^="#opmerkingen-"]').first();
    const target = (await link.getAttribute('href'))!;
    expect(await page.locator(target).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'yearly-committee-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
