// Hostile input over real HTTP, through the local server and the real handlers
// (issue 8 points 8 to 11): every case gets a clear 4xx, never a 500 and never
// an internal message, and nothing of it is stored.
import { gzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { answers, assessment } from '../support/fixtures.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let stack: LocalStack;
let provider: string;
let committee: string;

beforeAll(async () => {
  env = await standIns('hostile');
  stack = await startLocalStack({ settings: env.settings, standIns: false, poll: false });
  provider = (await stack.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  committee = (await stack.keys.create({ role: 'steering-committee' })).key;
});

afterAll(async () => {
  await stack?.stop();
});

async function send(body: string | Uint8Array, headers: Record<string, string> = {}) {
  const r = await fetch(`${stack.apiUrl}/v1/assessments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${provider}`, 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await r.text();
  return { status: r.status, text, error: (JSON.parse(text) as { error: { code: string; message: string; details: unknown[] } }).error };
}

async function stored(): Promise<number> {
  return (await env.ddb.send(new ScanCommand({ TableName: env.name('submissions'), Select: 'COUNT' }))).Count ?? 0;
}

describe('text', () => {
  it('refuses a lone surrogate, NUL and a right-to-left override with 422 and the path of each', async () => {
    const list = answers({ 'SD-G1': 'no', 'SD-G2': 'no' });
    // JSON.stringify writes a lone surrogate as the escape \ud800, which is valid JSON.
    list[0] = { ...list[0]!, explanation: 'Reden \ud800.' };
    list[1] = { ...list[1]!, explanation: 'Reden \u202Etxet\u202C.' };
    const r = await send(JSON.stringify(assessment({ answers: list, service: { ...assessment().service, name: 'Naam\u0000' } })));
    expect(r.status).toBe(422);
    expect(r.error.details).toEqual(
      expect.arrayContaining([
        { path: 'service.name', message: expect.stringMatching(/control character \(U\+0000\)/) },
        { path: 'answers[0].explanation', message: expect.stringMatching(/lone surrogate \(U\+D800\)/) },
        { path: 'answers[1].explanation', message: expect.stringMatching(/bidirectional control character \(U\+202E\)/) },
      ]),
    );
    expect(await stored()).toBe(0);
  });

  it('refuses bytes that are not UTF-8 with 400, saying so', async () => {
    const bytes = Buffer.concat([Buffer.from(JSON.stringify(assessment()).slice(0, -1)), Buffer.from(',"x":"\xe9"}', 'latin1')]);
    const r = await send(bytes);
    expect([r.status, r.error.code, r.error.message]).toEqual([400, 'invalid_utf8', 'the body is not valid UTF-8']);
  });

  it('refuses another charset and a compressed body with 415', async () => {
    const latin = await send(Buffer.from(JSON.stringify(assessment()), 'latin1'), {
      'content-type': 'application/json; charset=iso-8859-1',
    });
    expect([latin.status, latin.error.code]).toEqual([415, 'unsupported_charset']);
    const gzip = await send(gzipSync(JSON.stringify(assessment())), { 'content-encoding': 'gzip' });
    expect([gzip.status, gzip.error.code]).toEqual([415, 'unsupported_content_encoding']);
    expect(await stored()).toBe(0);
  });
});

describe('size and shape', () => {
  it('refuses a body nested 3,000 deep with a plain 400, not the stack overflow', async () => {
    const r = await send(`{"answers":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    expect([r.status, r.error.code]).toEqual([400, 'too_deeply_nested']);
    expect(r.text).not.toMatch(/call stack/i);
  });

  it('answers a 1 MiB body of 27,000 answers with a short 422', async () => {
    const body = JSON.stringify({
      ...assessment(),
      answers: Array.from({ length: 27_000 }, () => ({ criterionId: 'SD-G1', answer: 'no' })),
    });
    const r = await send(body);
    expect(r.status).toBe(422);
    expect(r.text.length).toBeLessThan(2_000);
    expect(r.error.details).toEqual([{ path: 'answers', message: '27000 items; at most 200' }]);
  });

  it('lists at most 100 problems, and how many more there were', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ organisationId: `O${i}`, targetGroup: 'studenten', servicesOffered: -1 }));
    const operator = (await stack.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
    const r = await fetch(`${stack.apiUrl}/v1/service-counts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3', counts: rows }),
    });
    const b = (await r.json()) as { error: { message: string; details: unknown[]; moreProblems: number } };
    expect(r.status).toBe(422);
    expect(b.error.message).toBe('the report has 600 problem(s)');
    expect(b.error.details).toHaveLength(100);
    expect(b.error.moreProblems).toBe(500);
  });
});

describe('paths', () => {
  it('answers an empty path segment with 404, for the public and the committee reports', async () => {
    expect((await fetch(`${stack.apiUrl}/reports/2026-Q3//index.html`)).status).toBe(404);
    const r = await fetch(`${stack.apiUrl}/committee/2026-Q3//index.html`, { headers: { authorization: `Bearer ${committee}` } });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
