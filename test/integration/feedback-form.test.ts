// The public form and its post (design §2.1, §3), through the real handlers
// against DynamoDB Local: pages, form posts ending on the thank-you page,
// JSON, the honeypot, the limits, only known services, CORS for registered
// origins only, and a flood that moves the figures by at most the limit.
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../shared/adapters/html-page.js';
import { httpEvent } from '../support/fixtures.js';
import { bodyOf, wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wireFeedback>;
let owner: string;
const ORG = 'OVO000123';
const SVC = 'omgevingsvergunning';

async function responsesStored(serviceId = SVC): Promise<Array<Record<string, any>>> {
  const out = await env.ddb.send(
    new QueryCommand({
      TableName: env.name('submissions'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `FEEDBACK#${ORG}#${serviceId}` } },
    }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i));
}
async function commentsStored(serviceId = SVC): Promise<Array<Record<string, any>>> {
  const out = await env.ddb.send(
    new QueryCommand({
      TableName: env.name('feedbackComments'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `COMMENTS#${ORG}#${serviceId}` } },
    }),
  );
  return (out.Items ?? []).map((i) => unmarshall(i));
}
async function itemCount(): Promise<number> {
  let n = 0;
  for (const t of ['submissions', 'feedbackComments'] as const)
    n += (await env.ddb.send(new ScanCommand({ TableName: env.name(t), Select: 'COUNT' }))).Count ?? 0;
  return n;
}
const page = (routeKey: string, organisationId: string, serviceId: string) =>
  app.form(httpEvent({ routeKey, pathParameters: { organisationId, serviceId } }), app.context()) as Promise<{
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  }>;

beforeAll(async () => {
  env = await standIns('fbform');
  app = wireFeedback(env);
  owner = (await app.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  for (const s of [SVC, 'flood', 'cors', 'limits'])
    await app.assess(owner, ORG, s, s === SVC ? 'Omgevingsvergunning aanvragen' : `Dienst ${s}`);
});

describe('the form page', () => {
  it('is served for a known service, in Dutch, under a strict CSP', async () => {
    const res = await page('GET /feedback/{organisationId}/{serviceId}', ORG, SVC);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(res.body).toContain('<h1>Wat vindt u van Omgevingsvergunning aanvragen?</h1>');
    expect(res.body).toContain(`action="/v1/feedback/${ORG}/${SVC}"`);
  });

  it('says in plain words that an unknown service does not exist (404)', async () => {
    for (const [o, s] of [
      [ORG, 'bestaat-niet'],
      ['OVO999999', SVC],
      ['<script>', 'x'],
    ] as const) {
      const res = await page('GET /feedback/{organisationId}/{serviceId}', o, s);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('<h1>Deze pagina bestaat niet</h1>');
      expect(res.body).not.toContain('<script>');
    }
  });

  it('is served for a service known only from a yearly plan (design §2.1: a plan or an assessment)', async () => {
    expect((await page('GET /feedback/{organisationId}/{serviceId}', ORG, 'gepland')).statusCode).toBe(404);
    await app.projections.putPlan({
      planId: 'p1',
      version: 1,
      organisationId: ORG,
      year: 2026,
      submittedAt: '2026-01-10T09:00:00.000Z',
      services: [{ serviceId: 'gepland', kind: 'new', name: 'Geplande dienst', targetGroups: ['burgers'], startsOn: '2026-09-01' }],
    });
    const res = await page('GET /feedback/{organisationId}/{serviceId}', ORG, 'gepland');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Wat vindt u van Geplande dienst?</h1>');
  });

  it('has a thank-you page', async () => {
    const res = await page('GET /feedback/{organisationId}/{serviceId}/bedankt', ORG, SVC);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Bedankt voor uw mening</h1>');
  });
});

describe('a form post', () => {
  it('is stored and ends on the thank-you page (303); its comment is masked, stored apart, and only referred to', async () => {
    const res = await app.postForm(ORG, SVC, {
      rating: '4',
      foundIt: 'partly',
      comment: 'Bel me op 0470 12 34 56 of mail an@voorbeeld.be.\r\nTe veel stappen.',
      website: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toBe(`/feedback/${ORG}/${SVC}/bedankt`);
    const [event] = await responsesStored();
    const payload = JSON.parse(event!.payload as string);
    expect(payload).toMatchObject({ organisationId: ORG, serviceId: SVC, rating: 4, foundIt: 'partly', commentRef: expect.any(String) });
    expect(JSON.stringify(event)).not.toContain('stappen');
    const [comment] = await commentsStored();
    expect(comment).toMatchObject({
      commentId: payload.commentRef,
      source: 'form',
      rating: 4,
      text: 'Bel me op [telefoonnummer] of mail [e-mailadres].\nTe veel stappen.',
    });
    // kept for the retention period (400 days), then removed by TTL
    expect(comment!.expiresAt).toBe(Math.floor(Date.parse(comment!.receivedAt) / 1000) + 400 * 86_400);
  });

  it('with a filled-in honeypot is dropped without a word: the same 303, nothing stored', async () => {
    const before = await itemCount();
    const res = await app.postForm(ORG, SVC, { rating: '1', comment: 'Koop nu!', website: 'https://spam.example' }, { ip: '203.0.113.66' });
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toBe(`/feedback/${ORG}/${SVC}/bedankt`);
    expect(await itemCount()).toBe(before);
  });

  it('with problems shows the form again (422) with every problem and what was typed, storing nothing', async () => {
    const before = await itemCount();
    const res = await app.postForm(ORG, SVC, { foundIt: 'yes', comment: 'x'.repeat(2001) }, { ip: '203.0.113.1' });
    expect(res.statusCode).toBe(422);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Kies hoe tevreden u bent.');
    expect(res.body).toContain('Uw opmerking is te lang: 2.001 tekens.');
    expect(res.body).toContain('value="yes" checked');
    expect(await itemCount()).toBe(before);
  });

  it('over 16 KiB is refused (413), and so is another encoding or charset (415)', async () => {
    const big = await app.postForm(ORG, SVC, { rating: '3', comment: 'é'.repeat(3000) }, { ip: '203.0.113.2' });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('Uw antwoord is te lang');
    const latin1 = await app.postForm(
      ORG,
      SVC,
      { rating: '3' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' } },
    );
    expect(latin1.statusCode).toBe(415);
    const gzip = await app.postForm(ORG, SVC, { rating: '3' }, { headers: { 'content-encoding': 'gzip' } });
    expect(gzip.statusCode).toBe(415);
  });

  it('for an unknown service is a 404 page', async () => {
    const res = await app.postForm(ORG, 'bestaat-niet', { rating: '3' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Deze pagina bestaat niet');
  });
});

describe('a JSON post', () => {
  it('is stored (201)', async () => {
    const res = await app.postJson(ORG, SVC, { rating: 5, foundIt: 'yes' }, { ip: '198.51.100.20' });
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res)).toEqual({ responseId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('names every problem (422) without repeating the comment, and knows no honeypot', async () => {
    const res = await app.postJson(ORG, SVC, { rating: 0, comment: 'geheim\u0000', website: '' }, { ip: '198.51.100.21' });
    expect(res.statusCode).toBe(422);
    expect(
      bodyOf(res)
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['comment', 'rating', 'website']);
    expect(res.body).not.toContain('geheim');
  });

  it('refuses 16 KiB and more (413), malformed JSON (400), other media types (415) and unknown services (404)', async () => {
    expect((await app.postJson(ORG, SVC, { rating: 3, comment: 'a'.repeat(17_000) })).statusCode).toBe(413);
    expect((await app.postJson(ORG, SVC, '{"rating": 3,')).statusCode).toBe(400);
    expect((await app.postJson(ORG, SVC, '{"rating": 3, "rating": 4}')).statusCode).toBe(400);
    const plain = await app.postJson(ORG, SVC, { rating: 3 }, { headers: { 'content-type': 'text/plain' } });
    expect(plain.statusCode).toBe(415);
    // This route takes a form post too: the advice names both.
    expect(bodyOf(plain).error.message).toBe(
      'send the response as a form post (application/x-www-form-urlencoded) or as JSON (application/json)',
    );
    const unknown = await app.postJson(ORG, 'bestaat-niet', { rating: 3 });
    expect(unknown.statusCode).toBe(404);
    expect(bodyOf(unknown).error.code).toBe('unknown_service');
  });
});

describe('the per-client limit (DDS_FEEDBACK_PER_HOUR, default 5)', () => {
  it('answers 429 with Retry-After past 5 responses per client and service in an hour, for forms and JSON alike', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < 5; i++) expect((await app.postJson(ORG, 'limits', { rating: 3 }, { ip })).statusCode).toBe(201);
    const json = await app.postJson(ORG, 'limits', { rating: 3 }, { ip });
    expect(json.statusCode).toBe(429);
    const wait = Number(json.headers?.['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    const form = await app.postForm(ORG, 'limits', { rating: '3' }, { ip });
    expect(form.statusCode).toBe(429);
    expect(form.body).toContain('U kunt voor deze dienst 5 keer per uur uw mening geven.');
    // another client, or another service, is not held back
    expect((await app.postJson(ORG, 'limits', { rating: 3 }, { ip: '192.0.2.11' })).statusCode).toBe(201);
    expect((await app.postJson(ORG, SVC, { rating: 3 }, { ip })).statusCode).toBe(201);
  });

  it('keeps a flood from one client to at most the limit in the figures', async () => {
    const ip = '192.0.2.99';
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? app.postJson(ORG, 'flood', { rating: 1 }, { ip }) : app.postForm(ORG, 'flood', { rating: '1' }, { ip }),
      ).map(async (r) => (await r).statusCode),
    );
    // Under contention the limiter refuses rather than lets through: at most 5, never more.
    const accepted = statuses.filter((s) => s === 201 || s === 303).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - accepted);
    expect(await responsesStored('flood')).toHaveLength(accepted);
    await app.drain();
    const res = await app.getFeedback(owner, ORG, 'flood', new Date().toISOString().slice(0, 4));
    expect(bodyOf(res).sources.form).toEqual({ responses: accepted });
  });

  it('never stores the client address', async () => {
    const out = await env.ddb.send(new ScanCommand({ TableName: env.name('control') }));
    const text = JSON.stringify(out.Items);
    expect(text).toContain('FBRATE#');
    for (const ip of ['192.0.2.99', '192.0.2.10', '198.51.100.7']) expect(text).not.toContain(ip);
  });
});

describe('CORS', () => {
  const origin = 'https://www.omgevingsloket.be';
  const preflight = (o: string) =>
    app.give(
      httpEvent({
        routeKey: 'OPTIONS /v1/feedback/{organisationId}/{serviceId}',
        headers: { origin: o, host: 'test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        pathParameters: { organisationId: ORG, serviceId: 'cors' },
      }),
      app.context(),
    ) as Promise<{ statusCode: number; headers: Record<string, string> }>;

  it('lets no other site post JSON, nor pass the preflight, until its origin is registered for the service', async () => {
    const before = await itemCount();
    const refused = await app.postJson(ORG, 'cors', { rating: 4 }, { headers: { origin } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers?.['access-control-allow-origin']).toBeUndefined();
    const pf = await preflight(origin);
    expect(pf.statusCode).toBe(204);
    expect(pf.headers['access-control-allow-origin']).toBeUndefined();
    expect(await itemCount()).toBe(before);
  });

  it('answers a registered origin, on the preflight and the post', async () => {
    await app.origins.add(ORG, 'cors', origin);
    const pf = await preflight(origin);
    expect(pf.headers).toMatchObject({ 'access-control-allow-origin': origin, 'access-control-allow-methods': 'POST', vary: 'Origin' });
    const res = await app.postJson(ORG, 'cors', { rating: 4 }, { headers: { origin } });
    expect(res.statusCode).toBe(201);
    expect(res.headers?.['access-control-allow-origin']).toBe(origin);
    // registered for this service only
    expect((await app.postJson(ORG, SVC, { rating: 4 }, { headers: { origin } })).statusCode).toBe(403);
  });

  it('lets the form post from its own page, and not from a site that is not registered', async () => {
    expect((await app.postForm(ORG, 'cors', { rating: '2' }, { ip: '192.0.2.50', headers: { origin: 'http://test' } })).statusCode).toBe(
      303,
    );
    expect(
      (await app.postForm(ORG, 'cors', { rating: '2' }, { ip: '192.0.2.51', headers: { origin: 'https://evil.example' } })).statusCode,
    ).toBe(403);
  });
});
