// The public feedback form end to end, over real HTTP against the local
// stack: the page, a form post answered with 303 and the thank-you page it
// leads to, the honeypot, the per-client limit, JSON from a registered origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { localResourceName } from '../../infra/local/settings.js';
import { dynamoFeedbackOrigins } from '../../shared/adapters/feedback-origins.js';
import { assessment } from '../support/fixtures.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
const ORG = 'OVO000123';
const form = (serviceId: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${stack.apiUrl}/v1/feedback/${ORG}/${serviceId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

beforeAll(async () => {
  const env = await standIns('e2eform');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  const key = (await stack.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  for (const serviceId of ['omgevingsvergunning', 'bouwpremie', 'limiet']) {
    const res = await fetch(`${stack.apiUrl}/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(assessment({ serviceId })),
    });
    expect(res.status).toBe(201);
  }
  await dynamoFeedbackOrigins(stack.doc, localResourceName('control', env.settings.DDS_RESOURCE_PREFIX)).add(
    ORG,
    'bouwpremie',
    'https://www.bouwpremie.be',
  );
});
afterAll(async () => stack?.stop());

describe('the feedback form over HTTP', () => {
  it('serves the page with a strict CSP, and ends a post on the thank-you page', async () => {
    const page = await fetch(`${stack.apiUrl}/feedback/${ORG}/omgevingsvergunning`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe(`/v1/feedback/${ORG}/omgevingsvergunning`);

    const posted = await fetch(`${stack.apiUrl}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.apiUrl },
      body: 'rating=5&foundIt=yes&comment=Snel+geregeld%2C+dank+u.&website=',
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const thanks = await fetch(new URL(posted.headers.get('location')!, stack.apiUrl));
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('<h1>Bedankt voor uw mening</h1>');
  });

  it('drops a bot that fills in the honeypot, answering it like a person', async () => {
    const res = await form('omgevingsvergunning', { rating: '1', comment: 'Goedkope horloges!', website: 'https://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/feedback/${ORG}/omgevingsvergunning/bedankt`);
  });

  it('holds a client to 5 responses per service an hour: then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await form('limiet', { rating: '3' })).status).toBe(303);
    const sixth = await form('limiet', { rating: '3' });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sixth.text()).toContain('U gaf al vaak uw mening');
  });

  it('takes JSON from a browser on a registered origin, with CORS; no other origin passes the preflight', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.apiUrl}/v1/feedback/${ORG}/bouwpremie`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://www.bouwpremie.be')).headers.get('access-control-allow-origin')).toBe('https://www.bouwpremie.be');
    expect((await preflight('https://elders.example')).headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${stack.apiUrl}/v1/feedback/${ORG}/bouwpremie`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://www.bouwpremie.be' },
      body: JSON.stringify({ rating: 4, foundIt: 'partly' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.bouwpremie.be');
  });

  it('answers an unknown service with a 404 page', async () => {
    const res = await fetch(`${stack.apiUrl}/feedback/${ORG}/bestaat-niet`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze pagina bestaat niet');
  });
});
