// Issue 14 point 8 (and 10 over HTTP): the committee's reports can be browsed
// like the public ones. Over real HTTP against the local stack: /committee/
// lists every published period, a period without its slash is redirected, and
// a browser without a key gets a short Dutch page where an API client keeps
// the JSON error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
let committeeKey: string;
let providerKey: string;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.apiUrl}${path}`, { headers, redirect: 'manual' });
const bearer = () => ({ authorization: `Bearer ${committeeKey}` });

beforeAll(async () => {
  const env = await standIns('committee');
  const app = wire(env, { today: '2026-11-26' });
  stack = await startLocalStack({ settings: env.settings, standIns: false, poll: false });
  committeeKey = (await stack.keys.create({ role: 'steering-committee' })).key;
  providerKey = (await stack.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  // Published out of order, as reports on demand are: the lists order them.
  for (const period of ['2026-Q3', '2026-10', '2026-09']) await publishReports(app.publishDeps, period);
});

afterAll(async () => {
  await stack?.stop();
});

const listed = (page: string) => [...page.matchAll(/<li><a href="([^"/]+)\/">/g)].map((m) => m[1]);

describe('browsing the committee reports', () => {
  it('lists every published period at /committee/, newest first, each linking to its page', async () => {
    const res = await get('/committee/', bearer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const page = await res.text();
    expect(page).toContain('<h1>Rapporten voor het Stuurorgaan</h1>');
    // October ends last; on the same end (30 September) the quarter comes before its month.
    expect(listed(page)).toEqual(['2026-10', '2026-Q3', '2026-09']);
    for (const p of listed(page)) {
      const period = await get(`/committee/${p}/`, bearer());
      expect(period.status).toBe(200);
      // Each report leads back to the list.
      expect(await period.text()).toContain('<a href="../">Alle rapporten</a>');
    }
  });

  it('orders the public list the same way', async () => {
    expect(listed(await (await get('/reports/')).text())).toEqual(['2026-10', '2026-Q3', '2026-09']);
  });

  it('redirects /committee and a period without its trailing slash to the page', async () => {
    for (const [path, to] of [
      ['/committee', '/committee/'],
      ['/committee/2026-Q3', '/committee/2026-Q3/'],
    ] as const) {
      const res = await get(path, bearer());
      expect([301, 308]).toContain(res.status);
      expect(new URL(res.headers.get('location')!, `${stack.apiUrl}${path}`).pathname).toBe(to);
      // A browser follows it with the same password.
      const followed = await fetch(`${stack.apiUrl}${path}`, { headers: bearer() });
      expect(followed.status).toBe(200);
      expect(new URL(followed.url).pathname).toBe(to);
    }
    // A file is a file, and a period that was never published is not redirected.
    expect((await get('/committee/2026-Q3/report.json', bearer())).status).toBe(200);
    expect((await get('/committee/2026-Q2', bearer())).status).toBe(404);
  });

  it('answers a browser that cancels the password prompt with 401 and a short Dutch page saying what to type', async () => {
    const attempts: Array<Record<string, string>> = [
      { accept: BROWSER_ACCEPT },
      { accept: BROWSER_ACCEPT, authorization: `Basic ${btoa('jan:geen-sleutel')}` },
    ];
    for (const headers of attempts) {
      const res = await get('/committee/2026-Q3/', headers);
      expect(res.status).toBe(401);
      // The browser asks again on reload.
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="dds-monitor Stuurorgaan", charset="UTF-8"');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const page = await res.text();
      expect(page).toContain('<html lang="nl">');
      expect(page).toContain('<strong>Gebruikersnaam</strong>: vrij te kiezen');
      expect(page).toContain('<strong>Wachtwoord</strong>: de sleutel van het Stuurorgaan');
    }
    // The list asks the same way.
    expect((await get('/committee/', { accept: BROWSER_ACCEPT })).status).toBe(401);
  });

  it('keeps the JSON errors for API clients', async () => {
    const anonymous = await get('/committee/2026-Q3/', { accept: '*/*' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await anonymous.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'unauthorized',
      message: 'send your API key as "Authorization: Bearer <key>", or as the password of HTTP Basic (any user name)',
    });
    const missing = await get('/committee/2026-Q2/', bearer());
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // A browser gets that in Dutch too, with the way back to the list.
    const missingPage = await get('/committee/2026-Q2/', { ...bearer(), accept: BROWSER_ACCEPT });
    expect(missingPage.status).toBe(404);
    expect(await missingPage.text()).toContain('<a href="/committee/">Naar alle rapporten voor het Stuurorgaan</a>');
    // Another role is still refused, as JSON.
    expect((await get('/committee/', { authorization: `Bearer ${providerKey}` })).status).toBe(403);
  });
});
