// Providers' aggregates (POST /v1/feedback) and the figures and comments a
// service's owner and the committee read (GET /v1/feedback/…), through the
// projector: both sources summed, a correction replacing, too few responses
// never a figure, replays and rebuilds changing nothing.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { isEvent } from '../../events/index.js';
import { eventToAttributes, type SubmissionEvent } from '../../shared/adapters/submission-items.js';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { bodyOf, wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wireFeedback>;
let clock = new Date('2026-10-05T09:00:00Z');
let owner: string;
let other: string;
let committee: string;
const ORG = 'OVO000123';

const counts = (r: [number, number, number, number, number]) => ({ '1': r[0], '2': r[1], '3': r[2], '4': r[3], '5': r[4] });
const service = (serviceId: string, r: [number, number, number, number, number], o: Record<string, unknown> = {}) => ({
  serviceId,
  responses: r.reduce((a, b) => a + b, 0),
  ratings: counts(r),
  ...o,
});

beforeAll(async () => {
  env = await standIns('fbagg');
  app = wireFeedback(env, { now: () => clock });
  owner = (await app.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  other = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000999' })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
  for (const s of ['vergunning', 'premie', 'attest', 'weinig']) await app.assess(owner, ORG, s);
});

describe('POST /v1/feedback', () => {
  it('stores a provider’s aggregates for its own organisation (201 {reportId, version})', async () => {
    const res = await app.postAggregates(owner, {
      organisationId: ORG,
      period: '2026-Q3',
      services: [
        service('vergunning', [2, 2, 6, 20, 20], {
          foundIt: { yes: 30, partly: 10, no: 5 },
          comments: ['Duidelijk formulier.', 'Mail me: an@voorbeeld.be'],
        }),
        service('premie', [10, 10, 0, 0, 0], { comments: ['Te traag.'] }),
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res)).toEqual({ reportId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1 });
  });

  it('refuses another organisation’s feedback (403)', async () => {
    const res = await app.postAggregates(other, {
      organisationId: ORG,
      period: '2026-Q3',
      services: [service('vergunning', [0, 0, 0, 0, 1])],
    });
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res).error.details).toEqual([{ path: 'organisationId', message: 'not the organisation of this key' }]);
  });

  it('names every problem (422): counts that do not add up, unknown fields and services, a period to come', async () => {
    const res = await app.postAggregates(owner, {
      organisationId: ORG,
      period: '2026-Q4',
      services: [
        service('vergunning', [1, 1, 1, 1, 1], { responses: 6 }),
        service('premie', [0, 0, 0, 0, 1], { foundIt: { yes: 2, partly: 0, no: 0 }, note: 'x' }),
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(bodyOf(res).error.details).toEqual(
      expect.arrayContaining([
        { path: 'services[0].ratings', message: 'the ratings add up to 5, not to responses (6)' },
        { path: 'services[1].foundIt', message: '2 found-it answers, more than responses (1)' },
        { path: 'services[1].note', message: 'unknown field' },
      ]),
    );
    clock = new Date('2026-09-30T08:00:00Z');
    const early = await app.postAggregates(owner, {
      organisationId: ORG,
      period: '2026-Q4',
      services: [service('premie', [0, 0, 0, 0, 1])],
    });
    expect(bodyOf(early).error.details).toEqual([{ path: 'period', message: '2026-Q4 has not begun yet' }]);
    clock = new Date('2026-10-05T09:00:00Z');
    const unknown = await app.postAggregates(owner, {
      organisationId: ORG,
      period: '2026-Q3',
      services: [service('bestaat-niet', [0, 0, 0, 0, 1])],
    });
    expect(bodyOf(unknown).error.details).toEqual([
      { path: 'services[0].serviceId', message: `no assessment of service bestaat-niet of ${ORG} is known` },
    ]);
  });
});

describe('GET /v1/feedback/{organisationId}/{serviceId}', () => {
  it('adds the form’s responses to the provider’s aggregate: a ratio of sums', async () => {
    // Two form responses in Q3 on two days of one month, one in Q4.
    for (const [at, rating] of [
      ['2026-09-10T10:00:00Z', 5],
      ['2026-09-11T21:30:00Z', 1],
      ['2026-10-02T10:00:00Z', 4],
    ] as const) {
      clock = new Date(at);
      expect((await app.postJson(ORG, 'vergunning', { rating, comment: `Reactie ${at}` }, { ip: `192.0.2.${rating}` })).statusCode).toBe(
        201,
      );
    }
    clock = new Date('2026-10-05T09:00:00Z');
    await app.drain();
    const res = await app.getFeedback(owner, ORG, 'vergunning', '2026-Q3');
    expect(res.statusCode).toBe(200);
    const v = bodyOf(res);
    expect(v.feedback).toEqual({
      status: 'enough',
      responses: 52,
      satisfaction: 41 / 52,
      meanRating: (3 * 1 + 2 * 2 + 6 * 3 + 20 * 4 + 21 * 5) / 52,
      foundItShare: 30 / 45,
      ratings: { '1': 3, '2': 2, '3': 6, '4': 20, '5': 21 },
      foundIt: { yes: 30, partly: 10, no: 5, answers: 45 },
    });
    expect(v.sources).toEqual({ form: { responses: 2 }, aggregate: { status: 'reported', version: 1, responses: 50 } });
    // the comments, masked, newest first; the Q4 response is not in Q3
    expect(v.comments.map((c: { text: string }) => c.text)).toEqual([
      'Duidelijk formulier.',
      'Mail me: [e-mailadres]',
      'Reactie 2026-09-11T21:30:00Z',
      'Reactie 2026-09-10T10:00:00Z',
    ]);
    expect(v.comments[2]).toEqual({ source: 'form', receivedOn: '2026-09-11', rating: 1, text: 'Reactie 2026-09-11T21:30:00Z' });
    expect(v.retentionDays).toBe(400);
  });

  it('rolls a year up from what was reported inside it', async () => {
    const v = bodyOf(await app.getFeedback(committee, ORG, 'vergunning', '2026'));
    expect(v.sources).toEqual({
      form: { responses: 3 },
      aggregate: { status: 'derived', derivedFrom: 'quarters', subPeriodsReported: 1, subPeriods: 4, responses: 50 },
    });
    expect(v.feedback.responses).toBe(53);
  });

  it('says "te weinig reacties" below 10 responses, and no_data without any', async () => {
    await app.postAggregates(owner, { organisationId: ORG, period: '2026-08', services: [service('weinig', [0, 0, 1, 4, 4])] });
    await app.drain();
    expect(bodyOf(await app.getFeedback(owner, ORG, 'weinig', '2026-Q3')).feedback).toEqual({
      status: 'too_few',
      responses: 9,
      label: 'te weinig reacties',
    });
    expect(bodyOf(await app.getFeedback(owner, ORG, 'attest', '2026-Q3')).feedback).toEqual({ status: 'no_data' });
  });

  it('is read by the owner and the committee only, for a valid period', async () => {
    expect((await app.getFeedback(other, ORG, 'vergunning', '2026-Q3')).statusCode).toBe(403);
    const missing = await app.getFeedback(owner, ORG, 'vergunning');
    expect(missing.statusCode).toBe(422);
    expect(bodyOf(missing).error.details).toEqual([{ path: 'period', message: 'required: YYYY, YYYY-Qn or YYYY-MM' }]);
    expect((await app.getFeedback(owner, ORG, 'vergunning', '2026-Q5')).statusCode).toBe(422);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const res = await app.getFeedback(committee, ORG, 'vergunning', '2026-Q3', 'text/csv');
    expect(res.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(res.body ?? '', { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ soort: 'cijfers', reacties: '52', score_5: '21' });
    expect(rows.filter((r) => r.soort === 'opmerking')).toHaveLength(4);
  });
});

describe('a correction', () => {
  it('replaces the provider’s aggregate for that service and period, comments included; other services stand', async () => {
    const res = await app.postAggregates(owner, {
      organisationId: ORG,
      period: '2026-Q3',
      services: [service('vergunning', [0, 0, 0, 5, 5], { comments: ['Gecorrigeerd.'] })],
    });
    expect(bodyOf(res).version).toBe(2);
    await app.drain();
    const v = bodyOf(await app.getFeedback(owner, ORG, 'vergunning', '2026-Q3'));
    expect(v.sources.aggregate).toEqual({ status: 'reported', version: 2, responses: 10 });
    expect(v.feedback.responses).toBe(12);
    expect(v.comments.filter((c: { source: string }) => c.source === 'aggregate').map((c: { text: string }) => c.text)).toEqual([
      'Gecorrigeerd.',
    ]);
    // premie was not in the correction: its aggregate of version 1 stands
    expect(bodyOf(await app.getFeedback(owner, ORG, 'premie', '2026-Q3')).sources.aggregate).toEqual({
      status: 'reported',
      version: 1,
      responses: 20,
    });
  });
});

describe('the projections', () => {
  it('change nothing when the stream delivers everything again, or when rebuilt', async () => {
    const read = async () =>
      Promise.all(['vergunning', 'premie', 'weinig'].map(async (s) => bodyOf(await app.getFeedback(committee, ORG, s, '2026'))));
    const before = await read();
    // a replay: every stored event delivered again, oldest report versions last (late records)
    const events: SubmissionEvent[] = [];
    for await (const e of app.feedbackDeps.events.allResponses()) events.push(e);
    for await (const e of app.feedbackDeps.events.allReports()) events.push(e);
    events.sort(
      (a, b) => (isEvent(b, 'FeedbackReported') ? b.payload.version : 0) - (isEvent(a, 'FeedbackReported') ? a.payload.version : 0),
    );
    const Records = events.map((e, i) => ({ eventID: String(i), eventName: 'INSERT', dynamodb: { NewImage: eventToAttributes(e) } }));
    expect(await app.projector({ Records } as never, app.context())).toEqual({ batchItemFailures: [] });
    const result = await rebuildProjections({ submissions: app.submissions, projections: app.projections, feedback: app.feedbackDeps });
    expect(result.feedback).toEqual({ feedbackDays: 3, feedbackReports: 2, maturityScans: 0, statusChanges: 0 });
    expect(await read()).toEqual(before);
  });
});
