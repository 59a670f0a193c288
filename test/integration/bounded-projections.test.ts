// Nothing accepted is lost (issue 8 point 1, design §5 "bounded"): a service
// with maximal explanations, and a service with 10,000 assessments, are
// projected like any other, and the indicators count them.
import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import { eventToAttributes } from '../../shared/adapters/submission-items.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { answers, assessment, httpEvent, jsonHeaders, TODAY } from '../support/fixtures.js';
import { drainProjector, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let provider: string;
let committee: string;

beforeAll(async () => {
  env = await standIns('bounded');
  app = wire(env, { today: TODAY });
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
});

const project = () => drainProjector(env, app, 300_000);

async function overview(period: string) {
  const res = await app.getIndicators(
    httpEvent({ routeKey: 'GET /v1/indicators', headers: { authorization: `Bearer ${committee}` }, query: { period } }),
    app.context(),
  );
  return JSON.parse(res.body!) as { assessments: { services: number; withPre: number; withPost: number } };
}

describe('bounded projections', () => {
  it('projects a pre and a post whose 52 answers are all explained at the maximal length', async () => {
    // 2,000 characters of three UTF-8 bytes each, with quotes and line breaks that JSON escapes: the worst case.
    const long = (id: string) => `${`${id}: ${'€"\n'.repeat(664)}`.slice(0, 1999)}.`;
    const all = answers(Object.fromEntries(answers().map((a) => [a.criterionId, 'no' as const]))).map((a) => ({
      ...a,
      explanation: long(a.criterionId),
    }));
    for (const [phase, assessedOn] of [
      ['pre', '2026-02-01'],
      ['post', '2026-08-01'],
    ] as const) {
      const res = await app.ingest(
        httpEvent({
          routeKey: 'POST /v1/assessments',
          headers: jsonHeaders(provider),
          body: JSON.stringify(assessment({ serviceId: 'lang', phase, assessedOn, answers: all })),
        }),
        app.context(),
      );
      expect(res.statusCode).toBe(201);
    }
    await project();
    expect(await overview('2026-Q3')).toMatchObject({ assessments: { services: 1, withPre: 1, withPost: 1 } });
    const rows = await app.projections.serviceRows('OVO000123', 'lang');
    expect(rows.map((r) => [r.phase, r.unmet.length, r.explained])).toEqual([
      ['pre', 52, 52],
      ['post', 52, 52],
    ]);
    // The texts stay whole in the stored submission, where the committee report reads them.
    const texts = await app.submissions.explainedAnswers(rows);
    expect([...texts.values()].map((list) => list.length)).toEqual([52, 52]);
    expect(texts.get(rows[0]!.assessmentId)![0]!.explanation).toBe(long('SD-G1'));
  });

  it('projects the 10,000th assessment of one service as the first, and counts the latest', async () => {
    const N = 10_000;
    const events: AssessmentSubmittedV2[] = Array.from({ length: N }, (_, i) => {
      const submittedAt = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
      return {
        metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: submittedAt },
        payload: {
          assessmentId: `many-${i}`,
          submittedAt,
          submission: storedSubmission(
            assessment({
              serviceId: 'veel',
              phase: i === N - 1 ? 'post' : 'pre',
              assessedOn: i === N - 1 ? '2026-09-30' : '2025-06-01',
              answers: answers(i === N - 1 ? {} : { 'SD-G1': 'no' }),
            }),
          ),
        },
      };
    });
    // Stored as the API stores them (their events), 25 at a time; then the stream does the rest.
    for (let i = 0; i < N; i += 25) {
      let items = events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: eventToAttributes(e) } }));
      while (items.length > 0) {
        const out = await env.ddb.send(new BatchWriteItemCommand({ RequestItems: { [env.name('submissions')]: items } }));
        items = (out.UnprocessedItems?.[env.name('submissions')] ?? []) as typeof items;
      }
    }
    await project();
    expect(await app.projections.serviceRows('OVO000123', 'veel')).toHaveLength(N);
    const q3 = await overview('2026-Q3');
    // Two services by now (lang and veel), both with a pre and a post; veel counted once, with its latest post.
    expect(q3.assessments).toMatchObject({ services: 2, withPre: 2, withPost: 2 });
    const view = JSON.parse(
      (
        await app.getService(
          httpEvent({
            routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
            headers: { authorization: `Bearer ${provider}` },
            pathParameters: { organisationId: 'OVO000123', serviceId: 'veel' },
          }),
          app.context(),
        )
      ).body!,
    ) as { history: unknown[]; post: { assessmentId: string } };
    expect(view.history).toHaveLength(N);
    expect(view.post.assessmentId).toBe(`many-${N - 1}`);
  }, 600_000);
});
