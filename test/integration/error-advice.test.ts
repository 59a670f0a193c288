// Issue 14 point 7: an error says what to do. Every date field of every
// route, given in another format, names YYYY-MM-DD; a period names its three
// forms; an Idempotency-Key reused with another body says to pick a new key.
// Through the real handlers against DynamoDB Local.
import { beforeAll, describe, expect, it } from 'vitest';
import { assessment, answers, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

let app: ReturnType<typeof wire>;
const keys = { provider: '', eloket: '', committee: '' };

type Handler = (e: ReturnType<typeof httpEvent>, c: ReturnType<typeof app.context>) => Promise<{ statusCode?: number; body?: string }>;
interface ErrorBody {
  error: { code: string; message: string; details: Array<{ path: string; message: string }> };
}

async function send(handler: Handler, routeKey: string, key: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await handler(
    httpEvent({ routeKey, headers: { ...jsonHeaders(key), ...headers }, body: JSON.stringify(body) }),
    app.context(),
  );
  return { status: res.statusCode, body: JSON.parse(res.body ?? '{}') as ErrorBody };
}

beforeAll(async () => {
  const env = await standIns('advice');
  app = wire(env, { today: '2026-11-26' });
  keys.provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  keys.eloket = (await app.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  keys.committee = (await app.keys.create({ role: 'steering-committee' })).key;
});

const plan = (services: Array<Record<string, unknown>>) => ({ organisationId: 'OVO000123', year: 2026, services });
const planned = (over: Record<string, unknown>) => ({
  serviceId: 'omgevingsvergunning',
  kind: 'rework',
  name: 'Omgevingsvergunning aanvragen',
  targetGroups: ['burgers'],
  startsOn: '2026-01-15',
  ...over,
});

describe('a date in another format', () => {
  // As people write them: Belgian, American, unpadded, with a time.
  const wrong = ['1/10/2026', '10/01/2026', '2026-10-1', '01-10-2026', '2026-10-01T00:00:00Z'];

  it('names YYYY-MM-DD at every date field of an assessment', async () => {
    for (const date of wrong) {
      const list = answers({ 'SD-G2': 'no' }).map((a) => (a.criterionId === 'SD-G2' ? { ...a, plannedBy: date } : a));
      const body = { ...assessment({ answers: list }), assessedOn: date, service: { ...assessment().service, goLiveOn: date } };
      const res = await send(app.ingest as Handler, 'POST /v1/assessments', keys.provider, body);
      expect(res.status).toBe(422);
      const at = (path: string) => res.body.error.details.find((d) => d.path === path)?.message;
      for (const path of ['assessedOn', 'service.goLiveOn', 'answers[1].plannedBy'])
        expect(at(path), `${date} at ${path}`).toContain('YYYY-MM-DD');
    }
  });

  it('names YYYY-MM-DD at every date field of a yearly plan', async () => {
    for (const date of wrong) {
      const res = await send(
        app.submitPlan as Handler,
        'POST /v1/plans',
        keys.provider,
        plan([planned({ startsOn: date, goLiveOn: date })]),
      );
      expect(res.status).toBe(422);
      const at = (path: string) => res.body.error.details.find((d) => d.path === path)?.message;
      for (const path of ['services[0].startsOn', 'services[0].goLiveOn']) expect(at(path), `${date} at ${path}`).toContain('YYYY-MM-DD');
    }
  });

  it("names YYYY-MM-DD at a decision's until", async () => {
    const submission = storedSubmission(assessment({ answers: answers({ 'SD-G1': 'no' }) }));
    await storeAndProject(app, [{ assessmentId: 'advice-1', submittedAt: '2026-10-02T08:00:00.000Z', submission }]);
    for (const date of wrong) {
      const res = await send(app.recordDecision as Handler, 'POST /v1/decisions', keys.committee, {
        assessmentId: 'advice-1',
        decision: 'derogation',
        until: date,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details.find((d) => d.path === 'until')?.message, date).toContain('YYYY-MM-DD');
    }
  });
});

describe('a period in another form', () => {
  it('names the three forms, and says a period is a string when it is a number', async () => {
    const counts = [{ organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered: 1 }];
    const q = await send(app.ingestCounts as Handler, 'POST /v1/service-counts', keys.eloket, { period: 'Q3 2026', counts });
    expect(q.body.error.details).toContainEqual({ path: 'period', message: 'a period is YYYY, YYYY-Qn or YYYY-MM' });
    const n = await send(app.ingestCounts as Handler, 'POST /v1/service-counts', keys.eloket, { period: 2026, counts });
    expect(n.body.error.details).toContainEqual({ path: 'period', message: 'a period is a string: "2026", "2026-Q3" or "2026-09"' });
    const r = await send(app.requestReport as Handler, 'POST /v1/reports', keys.committee, {});
    expect(r.body.error.details).toContainEqual({ path: 'period', message: 'required: a period, YYYY, YYYY-Qn or YYYY-MM' });
  });
});

describe('an Idempotency-Key reused with another body', () => {
  const advice = 'pick a new Idempotency-Key for a new request';

  it('says to pick a new key, on every route that takes one', async () => {
    const cases: Array<[Handler, string, string, unknown, unknown]> = [
      [app.ingest as Handler, 'POST /v1/assessments', keys.provider, assessment(), assessment({ phase: 'post' })],
      [
        app.ingestCounts as Handler,
        'POST /v1/service-counts',
        keys.eloket,
        { period: '2026-05', counts: [{ organisationId: 'OVO1', targetGroup: 'burgers', servicesOffered: 3 }] },
        { period: '2026-05', counts: [{ organisationId: 'OVO1', targetGroup: 'burgers', servicesOffered: 4 }] },
      ],
      [app.submitPlan as Handler, 'POST /v1/plans', keys.provider, plan([planned({})]), plan([planned({ name: 'Anders' })])],
    ];
    for (const [handler, route, key, first, second] of cases) {
      const headers = { 'idempotency-key': `advice-${route.replace(/\W+/g, '-')}` };
      expect((await send(handler, route, key, first, headers)).status, route).toBe(201);
      const reused = await send(handler, route, key, second, headers);
      expect(reused.status, route).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
      expect(reused.body.error.message, route).toContain(advice);
      expect(reused.body.error.details).toEqual([
        { path: 'Idempotency-Key', message: 'already used with a different request body; send a new key for a new request' },
      ]);
    }
  });
});
