// POST /v1/plans, POST /v1/decisions and what the provider then sees in
// GET /v1/services, against DynamoDB Local through the real SDK clients, with
// the projector fed by the stream as in the running system.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers, assessment, httpEvent, jsonHeaders, TODAY } from '../support/fixtures.js';
import { drainProjector, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let provider: string;
let other: string;
let committee: string;
let admin: string;

beforeAll(async () => {
  env = await standIns('lifecycle');
  app = wire(env, { today: TODAY });
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  other = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000999' })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
  admin = (await app.keys.create({ role: 'admin' })).key;
});

const body = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;
const call = (fn: 'submitPlan' | 'recordDecision' | 'ingest', routeKey: string, key: string, payload: unknown) =>
  app[fn](httpEvent({ routeKey, headers: jsonHeaders(key), body: JSON.stringify(payload) }), app.context());
const plan = (key: string, payload: unknown) => call('submitPlan', 'POST /v1/plans', key, payload);
const decide = (key: string, payload: unknown) => call('recordDecision', 'POST /v1/decisions', key, payload);
const view = async (svc: string, key = provider) =>
  body(
    await app.getService(
      httpEvent({
        routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
        headers: { authorization: `Bearer ${key}` },
        pathParameters: { organisationId: 'OVO000123', serviceId: svc },
      }),
      app.context(),
    ),
  );

const project = () => drainProjector(env, app);

const storedCount = async () => (await env.ddb.send(new ScanCommand({ TableName: env.name('submissions'), Select: 'COUNT' }))).Count ?? 0;

const planned = (over: Record<string, unknown> = {}) => ({
  serviceId: 'premie',
  kind: 'new',
  name: 'Premie aanvragen',
  targetGroups: ['burgers'],
  budgetEur: 800_000,
  startsOn: '2026-03-01',
  goLiveOn: '2026-12-01',
  ...over,
});

describe('POST /v1/plans', () => {
  it('stores a yearly plan as version 1, and a new one for the same year as the next version, replacing it', async () => {
    const first = await plan(provider, {
      organisationId: 'OVO000123',
      year: 2026,
      services: [planned(), planned({ serviceId: 'weg', name: 'Geschrapt' })],
    });
    expect(first.statusCode).toBe(201);
    expect(body(first)).toMatchObject({ version: 1 });
    const second = await plan(provider, { organisationId: 'OVO000123', year: 2026, services: [planned({ goLiveOn: '2027-01-15' })] });
    expect(body(second)).toMatchObject({ version: 2 });
    await project();
    // The planned service is known and significant from its plan, before any assessment; the dropped one is gone.
    expect(await view('premie')).toMatchObject({
      name: 'Premie aanvragen',
      significant: true,
      pre: null,
      post: null,
      history: [],
      decisions: [],
    });
    const gone = await app.getService(
      httpEvent({
        routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
        headers: { authorization: `Bearer ${provider}` },
        pathParameters: { organisationId: 'OVO000123', serviceId: 'weg' },
      }),
      app.context(),
    );
    expect(gone.statusCode).toBe(404);
  });

  it('refuses a plan of another organisation (403) and names every problem of a bad one (422), storing nothing', async () => {
    const before = await storedCount();
    const forbidden = await plan(provider, { organisationId: 'OVO000999', year: 2026, services: [] });
    expect(forbidden.statusCode).toBe(403);
    const bad = await plan(provider, {
      organisationId: 'OVO000123',
      year: 2031,
      services: [planned({ startsOn: '1/03/2026' }), planned({ kind: 'nieuw', goLiveOn: '2026-01-01' })],
    });
    expect(bad.statusCode).toBe(422);
    expect(body(bad).error.details).toEqual([
      { path: 'services[0].startsOn', message: 'a date as YYYY-MM-DD' },
      { path: 'services[1].kind', message: 'write one of: new, rework' },
      { path: 'year', message: '2031 is more than a year ahead; a plan covers this year (2026) or the next' },
      { path: 'services[1].serviceId', message: 'premie is already planned at services[0]' },
      { path: 'services[1].goLiveOn', message: 'goes live (2026-01-01) before the work starts (2026-03-01)' },
    ]);
    expect(await plan(committee, { organisationId: 'OVO000123', year: 2026, services: [] })).toMatchObject({ statusCode: 403 });
    expect(await storedCount()).toBe(before);
  });
});

describe('POST /v1/decisions', () => {
  let assessmentId: string;

  beforeAll(async () => {
    const res = await call(
      'ingest',
      'POST /v1/assessments',
      provider,
      assessment({ serviceId: 'premie', assessedOn: '2026-10-01', answers: answers({ 'SD-G1': 'no', 'GC-I2': 'no' }) }),
    );
    expect(res.statusCode).toBe(201);
    assessmentId = body(res).assessmentId;
    await project();
  });

  it('records a decision on every unmet criterion by default, dated today, and the provider sees it', async () => {
    const res = await decide(committee, { assessmentId, decision: 'accepted' });
    expect(res.statusCode).toBe(201);
    expect(body(res)).toMatchObject({ decidedOn: TODAY });
    const derogation = await decide(admin, {
      assessmentId,
      decision: 'derogation',
      criteria: ['GC-I2'],
      until: '2027-06-30',
      note: 'Tot de koppeling er is.',
    });
    expect(derogation.statusCode).toBe(201);
    const v = await view('premie');
    expect(v.decisions).toEqual([
      expect.objectContaining({ assessmentId, decision: 'derogation', criteria: ['GC-I2'], until: '2027-06-30', decidedOn: TODAY }),
      expect.objectContaining({ assessmentId, decision: 'accepted', criteria: ['SD-G1', 'GC-I2'], decidedOn: TODAY }),
    ]);
    expect(v.decisions).toHaveLength(2);
  });

  it('refuses an unknown assessment (404), another role (403), and names each criterion that was met (422)', async () => {
    const before = await storedCount();
    expect((await decide(committee, { assessmentId: 'bestaat-niet', decision: 'accepted' })).statusCode).toBe(404);
    expect((await decide(provider, { assessmentId, decision: 'accepted' })).statusCode).toBe(403);
    const bad = await decide(committee, { assessmentId, decision: 'derogation', until: '2026-11-01', criteria: ['SD-G1', 'BT-I1'] });
    expect(bad.statusCode).toBe(422);
    expect(body(bad).error.details).toEqual([
      { path: 'until', message: `a derogation runs until a date after today (${TODAY})` },
      { path: 'criteria[1]', message: 'BT-I1 is not an unmet criterion of this assessment' },
    ]);
    expect(await storedCount()).toBe(before);
  });

  it('keeps decisions on another organisation’s services from its providers', async () => {
    const res = await app.getService(
      httpEvent({
        routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
        headers: { authorization: `Bearer ${other}` },
        pathParameters: { organisationId: 'OVO000123', serviceId: 'premie' },
      }),
      app.context(),
    );
    expect(res.statusCode).toBe(403);
  });
});
