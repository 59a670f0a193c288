// A real request and a real answer of every route, and the errors each kind of
// route gives, validate against the OpenAPI document (ajv, JSON Schema
// 2020-12): the document says what the handlers do, not what they were meant
// to do. Every operation of the document has at least one sample.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCommitteeReports } from '../../functions/committee-reports/committee-reports.js';
import { makePublicDocs } from '../../functions/public-docs/public-docs.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { openApiDocument, OPERATIONS } from '../../shared/adapters/openapi.js';
import { storeHealth } from '../../shared/adapters/store-health.js';
import type { HttpEvent, HttpResult } from '../../shared/adapters/http.js';
import { SUPPORT_TOOLS } from '../../shared/domain/strategy/support-tools.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { answers, assessment, httpEvent, jsonHeaders, TODAY } from '../support/fixtures.js';
import { wireFeedback } from '../support/feedback-handlers.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

// ajv is CommonJS: its 2020-12 class and the formats plugin, loaded as Node loads them.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as new (o: object) => {
  addSchema(s: object, key: string): void;
  validate(s: object, data: unknown): boolean;
  errors?: unknown[] | null;
};
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

type Env = Awaited<ReturnType<typeof standIns>>;
type Doc = ReturnType<typeof openApiDocument> & { paths: Record<string, Record<string, any>>; components: Record<string, any> };

const doc = openApiDocument('test') as unknown as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi.json');

const pointer = (...segments: string[]) =>
  `openapi.json#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
const openApiPath = (routeKey: string) => routeKey.split(' ')[1]!.replace('{proxy+}', '{proxy}');

function check(schemaRef: string, data: unknown, what: string) {
  const ok = ajv.validate({ $ref: schemaRef }, data);
  expect(ok, `${what}: ${JSON.stringify(ajv.errors, null, 1)}\n${JSON.stringify(data).slice(0, 800)}`).toBe(true);
}

const validated = new Set<string>();

/** The request's body against the operation's request body schema, the answer against the answer documented for its status. */
function validateSample(event: HttpEvent, res: HttpResult) {
  const path = openApiPath(event.routeKey);
  const method = event.routeKey.split(' ')[0]!.toLowerCase();
  const op = doc.paths[path]?.[method];
  expect(op, event.routeKey).toBeDefined();
  const sentJson = /json/.test(String(event.headers['content-type'] ?? ''));
  if (event.body !== undefined && sentJson && op.requestBody && res.statusCode! < 400)
    check(
      pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'),
      JSON.parse(event.body),
      `${event.routeKey} request`,
    );
  const status = String(res.statusCode);
  const documented = op.responses[status];
  expect(documented, `${event.routeKey} answers ${status}, which the document does not list`).toBeDefined();
  const response = documented.$ref ? doc.components.responses[documented.$ref.split('/').pop()] : documented;
  for (const h of Object.keys(response.headers ?? {})) {
    if (h === 'Link' && res.headers?.link === undefined) continue;
    expect(res.headers?.[h.toLowerCase()], `${event.routeKey} ${status}: header ${h}`).toBeDefined();
  }
  validated.add(event.routeKey);
  // A redirect or a preflight: no content, as documented.
  if (!response.content) return expect(res.body ?? '', `${event.routeKey} ${status} has no content`).toBe('');
  const contentType = String(res.headers?.['content-type'] ?? '').split(';')[0]!;
  expect(response.content?.[contentType], `${event.routeKey} ${status} as ${contentType}`).toBeDefined();
  const schema = documented.$ref
    ? pointer('components', 'responses', documented.$ref.split('/').pop(), 'content', contentType, 'schema')
    : pointer('paths', path, method, 'responses', status, 'content', contentType, 'schema');
  // A file is documented as text whatever its type; JSON answers are validated as the JSON they hold.
  const asText = response.content[contentType].schema?.type === 'string';
  check(schema, asText ? res.body : JSON.parse(res.body!), `${event.routeKey} ${status}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

let env: Env;
let app: ReturnType<typeof wire>;
let provider: string;
let operator: string;
let committee: string;

async function call(handler: (e: HttpEvent, c: never) => Promise<HttpResult>, event: HttpEvent): Promise<HttpResult> {
  const res = await handler(event, app.context() as never);
  validateSample(event, res);
  return res;
}

const post = (routeKey: string, key: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  httpEvent({ routeKey, headers: { ...jsonHeaders(key), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (
  routeKey: string,
  key?: string,
  o: { query?: Record<string, string>; pathParameters?: Record<string, string>; headers?: Record<string, string> } = {},
) =>
  httpEvent({
    routeKey,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...o.headers },
    ...(o.query ? { query: o.query } : {}),
    ...(o.pathParameters ? { pathParameters: o.pathParameters } : {}),
  });

beforeAll(async () => {
  env = await standIns('samples');
  app = wire(env, { today: TODAY });
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  operator = (await app.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
});

describe('every route, a real request and answer, against the OpenAPI document', () => {
  let assessmentId = '';

  it('POST /v1/assessments: 201, a replay 200, and refusals', async () => {
    const body = assessment({
      answers: answers({ 'SD-G2': 'no' }).map((a) => (a.criterionId === 'SD-G2' ? { ...a, plannedBy: '2027-06-30' } : a)),
    });
    const created = await call(app.ingest, post('POST /v1/assessments', provider, body, { 'idempotency-key': 'samples-1' }));
    expect(created.statusCode).toBe(201);
    assessmentId = JSON.parse(created.body!).assessmentId;
    expect((await call(app.ingest, post('POST /v1/assessments', provider, body, { 'idempotency-key': 'samples-1' }))).statusCode).toBe(200);
    // 150 unknown fields: 100 listed, moreProblems counts the rest
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`extra${i}`, 1]));
    const refused = await call(app.ingest, post('POST /v1/assessments', provider, { ...body, ...many }));
    expect(refused.statusCode).toBe(422);
    expect(JSON.parse(refused.body!).error.moreProblems).toBeGreaterThan(0);
    expect((await call(app.ingest, post('POST /v1/assessments', provider, '{"a":1,"a":2}'))).statusCode).toBe(400);
    expect((await call(app.ingest, post('POST /v1/assessments', provider, body, { 'content-type': 'text/plain' }))).statusCode).toBe(415);
    expect((await call(app.ingest, post('POST /v1/assessments', undefined, body))).statusCode).toBe(401);
    expect((await call(app.ingest, post('POST /v1/assessments', operator, body))).statusCode).toBe(403);
  });

  it('POST /v1/service-counts: 201, the same content again 200, a quarter over its months 201 with overrides', async () => {
    const counts = (period: string) => ({
      period,
      counts: [
        { organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered: 12, volumes: { click: 48210, call: 5120, connect: 830 } },
      ],
    });
    expect((await call(app.ingestCounts, post('POST /v1/service-counts', operator, counts('2026-07')))).statusCode).toBe(201);
    expect((await call(app.ingestCounts, post('POST /v1/service-counts', operator, counts('2026-07')))).statusCode).toBe(200);
    const over = await call(app.ingestCounts, post('POST /v1/service-counts', operator, counts('2026-Q3')));
    expect(JSON.parse(over.body!).overrides).toEqual({ derivedFrom: 'months', subPeriodsReported: 1 });
  });

  it('POST /v1/plans: 201', async () => {
    const plan = {
      organisationId: 'OVO000123',
      year: 2026,
      services: [
        {
          serviceId: 'nieuwe-dienst',
          kind: 'new',
          name: 'Nieuwe dienst',
          targetGroups: ['burgers'],
          budgetEur: 600000,
          startsOn: '2026-03-01',
          goLiveOn: '2026-12-01',
        },
      ],
    };
    expect((await call(app.submitPlan, post('POST /v1/plans', provider, plan))).statusCode).toBe(201);
  });

  it('POST /v1/decisions: 201, and 404 for an unknown assessment', async () => {
    await app.projector({ Records: [] } as never, app.context() as never);
    // The projector runs off the stream in the stack; here the rows are projected by a rebuild.
    const { rebuildProjections } = await import('../../shared/use-cases/project.js');
    await rebuildProjections(app);
    const decided = await call(
      app.recordDecision,
      post('POST /v1/decisions', committee, { assessmentId, decision: 'derogation', until: '2027-06-30', note: 'Tot de nieuwe versie.' }),
    );
    expect(decided.statusCode).toBe(201);
    expect(
      (await call(app.recordDecision, post('POST /v1/decisions', committee, { assessmentId: randomUUID(), decision: 'accepted' })))
        .statusCode,
    ).toBe(404);
  });

  it('GET /v1/services/{organisationId}/{serviceId}: 200, 403 and 404', async () => {
    const route = 'GET /v1/services/{organisationId}/{serviceId}';
    const view = await call(
      app.getService,
      get(route, provider, { pathParameters: { organisationId: 'OVO000123', serviceId: 'omgevingsvergunning' } }),
    );
    expect(view.statusCode).toBe(200);
    expect(JSON.parse(view.body!).decisions).toHaveLength(1);
    expect(
      (await call(app.getService, get(route, provider, { pathParameters: { organisationId: 'OVO9', serviceId: 'x' } }))).statusCode,
    ).toBe(403);
    expect(
      (await call(app.getService, get(route, committee, { pathParameters: { organisationId: 'OVO9', serviceId: 'nope' } }))).statusCode,
    ).toBe(404);
  });

  it('GET /v1/indicators: 200 and 422', async () => {
    expect((await call(app.getIndicators, get('GET /v1/indicators', committee, { query: { period: '2026-Q3' } }))).statusCode).toBe(200);
    expect((await call(app.getIndicators, get('GET /v1/indicators', committee, { query: { period: '2026-Q5' } }))).statusCode).toBe(422);
  });

  it('GET /v1/indicators/series: JSON and CSV, per e-loket and per principle, and 422', async () => {
    const route = 'GET /v1/indicators/series';
    for (const groupBy of ['eloket', 'organisation', 'principle'])
      expect(
        (await call(app.getIndicatorSeries, get(route, committee, { query: { from: '2026-Q1', to: '2026-Q4', groupBy, limit: '2' } })))
          .statusCode,
      ).toBe(200);
    const csv = await call(
      app.getIndicatorSeries,
      get(route, committee, { query: { from: '2026-Q1', to: '2026-Q4', groupBy: 'eloket' }, headers: { accept: 'text/csv' } }),
    );
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(
      (await call(app.getIndicatorSeries, get(route, committee, { query: { from: '2026', to: '2026-Q4', groupBy: 'eloket' } }))).statusCode,
    ).toBe(422);
  });

  it('POST /v1/reports: 202 and 422; GET /v1/reports/{reportId}: 200 and 404', async () => {
    const requested = await call(app.requestReport, post('POST /v1/reports', committee, { period: '2026-Q3' }));
    expect(requested.statusCode).toBe(202);
    expect((await call(app.requestReport, post('POST /v1/reports', committee, { period: '2026-Q4' }))).statusCode).toBe(422);
    const route = 'GET /v1/reports/{reportId}';
    const { reportId } = JSON.parse(requested.body!) as { reportId: string };
    const status = await call(app.reportStatus, get(route, committee, { pathParameters: { reportId } }));
    expect(JSON.parse(status.body!)).toEqual({ reportId, period: '2026-Q3', status: 'pending' });
    expect((await call(app.reportStatus, get(route, committee, { pathParameters: { reportId: '2026-Q3.nope' } }))).statusCode).toBe(404);
  });

  it('GET /committee/{proxy+}: a file (HTML, CSV, JSON) and 404', async () => {
    await publishReports(app.publishDeps, '2026-Q3', 'samples');
    const committeeReports = makeCommitteeReports({
      ...app,
      limiter: app.limiter,
      authFailures: app.authFailures,
      objects: app.objects,
      bucket: env.name('committeeReports'),
      logger: createLogger('test'),
    });
    for (const proxy of ['2026-Q3/', '2026-Q3/explanations.csv', '2026-Q3/report.json'])
      expect((await call(committeeReports, get('GET /committee/{proxy+}', committee, { pathParameters: { proxy } }))).statusCode).toBe(200);
    const folder = await call(committeeReports, get('GET /committee/{proxy+}', committee, { pathParameters: { proxy: '2026-Q3' } }));
    expect([folder.statusCode, folder.headers?.location]).toEqual([301, '2026-Q3/']);
    expect((await call(committeeReports, get('GET /committee', committee))).statusCode).toBe(301);
    const list = { ...get('GET /committee', committee), rawPath: '/committee/' };
    expect((await call(committeeReports, list)).statusCode).toBe(200);
    expect(
      (await call(committeeReports, get('GET /committee/{proxy+}', committee, { pathParameters: { proxy: '2031-Q1/' } }))).statusCode,
    ).toBe(404);
  });

  it('GET /v1/criteria, GET /v1/indicator-catalog, GET /v1/openapi.json, GET /health (ok, and degraded with 503)', async () => {
    // Stores of their own: the test runner's s3rver cannot list a bucket past its first page (no legacy OpenSSL there).
    const fresh = await standIns('sampleshealth');
    const docs = (e: { doc: Env['doc'] }) =>
      makePublicDocs({
        logger: createLogger('test'),
        codeVersion: 'test',
        health: storeHealth({ doc: e.doc, table: fresh.name('control'), s3: fresh.s3, bucket: fresh.name('publicReports') }),
      });
    expect((await call(docs(fresh), get('GET /v1/criteria'))).statusCode).toBe(200);
    expect((await call(docs(fresh), get('GET /v1/openapi.json'))).statusCode).toBe(200);
    const catalog = await call(app.getIndicatorCatalog, get('GET /v1/indicator-catalog'));
    expect(catalog.statusCode).toBe(200);
    expect(
      (JSON.parse(catalog.body ?? '') as { versions: Array<{ indicatorCatalogVersion: string }> }).versions[0]!.indicatorCatalogVersion,
    ).toBe('2026-10');
    const healthy = await call(docs(fresh), get('GET /health'));
    expect(healthy.statusCode, healthy.body).toBe(200);
    const nowhere = documentClient({
      AWS_REGION: env.settings.AWS_REGION,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${await freePort()}`,
    });
    expect((await call(docs({ doc: nowhere }), get('GET /health'))).statusCode).toBe(503);
  });

  it('a store that does not answer: 503 with Retry-After, as documented', async () => {
    const nowhere = documentClient({
      AWS_REGION: env.settings.AWS_REGION,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${await freePort()}`,
    });
    const down = wire({ ...env, doc: nowhere }, { today: TODAY });
    const res = await down.getIndicators(get('GET /v1/indicators', committee, { query: { period: '2026-Q3' } }), down.context());
    validateSample(get('GET /v1/indicators', committee, { query: { period: '2026-Q3' } }), res);
    expect(res.statusCode).toBe(503);
  });

  it('the feedback routes: the form, a form post and a JSON post, the preflight, aggregates and the figures', async () => {
    const fb = wireFeedback(env);
    const form = (routeKey: string, serviceId = 'omgevingsvergunning') =>
      httpEvent({ routeKey, headers: { host: 'test' }, pathParameters: { organisationId: 'OVO000123', serviceId } });
    expect((await call(fb.form, form('GET /feedback/{organisationId}/{serviceId}'))).statusCode).toBe(200);
    expect((await call(fb.form, form('GET /feedback/{organisationId}/{serviceId}', 'bestaat-niet'))).statusCode).toBe(404);
    expect((await call(fb.form, form('GET /feedback/{organisationId}/{serviceId}/bedankt'))).statusCode).toBe(200);

    const give = 'POST /v1/feedback/{organisationId}/{serviceId}';
    const posted = { ...form(give), headers: { host: 'test', 'content-type': 'application/x-www-form-urlencoded' }, body: 'rating=4' };
    const redirected = await call(fb.give, posted);
    expect([redirected.statusCode, redirected.headers?.location]).toEqual([303, expect.stringContaining('/bedankt')]);
    const asJson = { ...form(give), headers: { host: 'test', 'content-type': 'application/json' }, body: JSON.stringify({ rating: 5 }) };
    expect((await call(fb.give, asJson)).statusCode).toBe(201);
    expect((await call(fb.give, { ...asJson, body: JSON.stringify({ rating: 9 }) })).statusCode).toBe(422);
    const preflight = {
      ...form('OPTIONS /v1/feedback/{organisationId}/{serviceId}'),
      headers: { host: 'test', origin: 'https://example.org', 'access-control-request-method': 'POST' },
    };
    expect((await call(fb.give, preflight)).statusCode).toBe(204);

    const aggregates = {
      organisationId: 'OVO000123',
      period: '2026-Q3',
      services: [{ serviceId: 'omgevingsvergunning', responses: 12, ratings: { '1': 1, '2': 1, '3': 2, '4': 4, '5': 4 } }],
    };
    expect((await call(fb.report, post('POST /v1/feedback', provider, aggregates))).statusCode).toBe(201);
    await fb.drain();
    const route = 'GET /v1/feedback/{organisationId}/{serviceId}';
    const at = { pathParameters: { organisationId: 'OVO000123', serviceId: 'omgevingsvergunning' }, query: { period: '2026-Q3' } };
    const figures = await call(fb.read, get(route, provider, at));
    expect(JSON.parse(figures.body!).feedback).toMatchObject({ status: 'enough', responses: 12 });
    expect((await call(fb.read, get(route, committee, { ...at, headers: { accept: 'text/csv' } }))).statusCode).toBe(200);
    expect((await call(fb.read, get(route, committee, { ...at, query: { period: '2026-Q9' } }))).statusCode).toBe(422);
  });

  it('POST /v1/maturity, POST /v1/actions/{n}/status, POST /v1/support-tools/{id}/status', async () => {
    const fb = wireFeedback(env);
    await fb.themes.put([{ themeId: 'data', name: 'Data en informatie' }]);
    const scan = { organisationId: 'OVO000123', year: 2026, themes: { data: { current: 'basis', ambition: 'integratie' } } };
    expect((await call(fb.maturity, post('POST /v1/maturity', provider, scan))).statusCode).toBe(201);
    expect((await call(fb.maturity, post('POST /v1/maturity', provider, { ...scan, themes: { hr: {} } }))).statusCode).toBe(422);
    const status = (routeKey: string, pathParameters: Record<string, string>, body: unknown) =>
      call(fb.status, { ...post(routeKey, committee, body), pathParameters });
    expect((await status('POST /v1/actions/{n}/status', { n: '7' }, { status: 'lopend' })).statusCode).toBe(201);
    expect((await status('POST /v1/actions/{n}/status', { n: '22' }, { status: 'lopend' })).statusCode).toBe(404);
    const tool = SUPPORT_TOOLS[0]!.id;
    expect((await status('POST /v1/support-tools/{id}/status', { id: tool }, { status: 'ontwikkeld' })).statusCode).toBe(201);
  });

  it('has sampled every operation of the document', () => {
    expect([...validated].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});
