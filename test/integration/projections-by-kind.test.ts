// Each kind of projection item is read from its own shards of the byKind
// index, not by scanning the whole table; items stored before the index
// existed are given their index attribute by `rebuild`, and read from then on.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportPublishedV1 } from '../../events/report-published.js';
import { KIND_INDEX, KIND_SHARDS } from '../../shared/adapters/kind-index.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import type { AssessmentRow } from '../../shared/domain/assessment-row.js';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { assessment } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { rowOf } from '../support/report-input.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;

const ORG = 'OVO000123';
const rowFor = (serviceId: string, assessmentId: string): AssessmentRow =>
  rowOf({ assessmentId, submittedAt: '2026-02-01T00:00:00.000Z', submission: storedSubmission(assessment({ serviceId })) });
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const reportEvent = (period: string, reportId: string) =>
  ({
    metadata: { eventId: `e-${reportId}`, type: 'ReportPublished', version: 1, occurredAt: '2026-10-01T00:00:00.000Z' },
    payload: { reportId, period, publicKeys: [], committeeKeys: [] },
  }) as unknown as ReportPublishedV1;

beforeAll(async () => {
  env = await standIns('bykind');
  app = wire(env);
  const { failed } = await app.projections.putAssessmentRows(Array.from({ length: 60 }, (_, i) => rowFor(`svc-${i}`, `a-${i}`)));
  expect(failed).toEqual([]);
  await app.projections.putDecision({
    decisionId: 'd-1',
    assessmentId: 'a-1',
    organisationId: ORG,
    serviceId: 'svc-1',
    decision: 'accepted',
    criteria: ['SD-G1'],
    decidedOn: '2026-03-01',
    recordedAt: '2026-03-01T10:00:00.000Z',
  });
  await app.projections.putPlan({
    planId: 'p1',
    version: 1,
    organisationId: ORG,
    year: 2026,
    submittedAt: '2026-01-10T09:00:00.000Z',
    services: [
      { serviceId: 'gepland-1', kind: 'new', name: 'Eerste', targetGroups: ['burgers'], startsOn: '2026-09-01' },
      { serviceId: 'gepland-2', kind: 'rework', name: 'Tweede', targetGroups: ['burgers'], startsOn: '2026-10-01' },
    ],
  });
  await app.projections.recordReport(reportEvent('2026-Q2', 'r-2'));
});

describe('reading the projections by kind', () => {
  it('reads every item of a kind, and only of that kind', async () => {
    const rows = await collect(app.projections.assessmentRows());
    expect(rows.map((r) => r.assessmentId).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `a-${i}`).sort());
    expect(rows.find((r) => r.assessmentId === 'a-7')).toEqual(rowFor('svc-7', 'a-7'));
    expect((await collect(app.projections.decisions())).map((d) => [d.decisionId, d.assessmentId])).toEqual([['d-1', 'a-1']]);
    const planned = await collect(app.projections.plannedEntries());
    expect(planned.map((p) => [p.serviceId, p.kind]).sort()).toEqual([
      ['gepland-1', 'new'],
      ['gepland-2', 'rework'],
    ]);
    expect(await collect(app.projections.planHeads())).toEqual([
      { organisationId: ORG, year: 2026, submittedAt: '2026-01-10T09:00:00.000Z' },
    ]);
    expect((await app.projections.listReports()).map((r) => r.payload.reportId)).toEqual(['r-2']);
  });

  it('spreads a kind over the index shards, each read on its own', async () => {
    const perShard = await Promise.all(
      Array.from({ length: KIND_SHARDS }, async (_, n) => {
        const out = await env.doc.send(
          new QueryCommand({
            TableName: env.name('projections'),
            IndexName: KIND_INDEX,
            KeyConditionExpression: 'kindShard = :s',
            ExpressionAttributeValues: { ':s': `assessment#${n}` },
            Select: 'COUNT',
          }),
        );
        return out.Count ?? 0;
      }),
    );
    expect(perShard.reduce((a, n) => a + n, 0)).toBe(60);
    expect(perShard.filter((n) => n > 0).length).toBe(KIND_SHARDS);
  });

  it('reads an item stored before the index only once rebuild has indexed it, and indexes it once', async () => {
    // As an earlier version wrote them: the kind, no index attribute.
    const legacy = rowFor('legacy', 'a-legacy');
    await env.doc.send(
      new PutCommand({
        TableName: env.name('projections'),
        Item: { pk: `SVC#${ORG}#legacy`, sk: `A#${legacy.assessedOn}#${legacy.submittedAt}#a-legacy`, kind: 'assessment', ...legacy },
      }),
    );
    await env.doc.send(
      new PutCommand({
        TableName: env.name('projections'),
        Item: { pk: 'REPORT#2025-Q4', sk: 'PUBLISHED', kind: 'report', event: JSON.stringify(reportEvent('2025-Q4', 'r-old')) },
      }),
    );
    expect((await collect(app.projections.assessmentRows())).map((r) => r.assessmentId)).not.toContain('a-legacy');
    expect((await app.projections.listReports()).map((r) => r.payload.reportId)).toEqual(['r-2']);

    const result = await rebuildProjections({ submissions: app.submissions, projections: app.projections });
    // No submissions are stored here: the two older items are all the rebuild had to index.
    expect(result).toEqual({ services: 0, assessments: 0, countsPeriods: 0, countsReports: 0, indexed: 2 });
    const rows = await collect(app.projections.assessmentRows());
    expect(rows).toHaveLength(61);
    expect(rows.find((r) => r.assessmentId === 'a-legacy')).toEqual(legacy);
    expect((await app.projections.listReports()).map((r) => r.payload.reportId)).toEqual(['r-old', 'r-2']);
    expect((await rebuildProjections({ submissions: app.submissions, projections: app.projections })).indexed).toBe(0);
  });

  it('stores a row without its scores and bands, and reads them back from its answer letters', async () => {
    const row = rowFor('svc-3', 'a-3');
    const { Item } = await env.doc.send(
      new GetCommand({
        TableName: env.name('projections'),
        Key: { pk: `SVC#${ORG}#svc-3`, sk: `A#${row.assessedOn}#${row.submittedAt}#a-3` },
      }),
    );
    expect(Item?.answerCodes).toBe(row.answerCodes);
    expect(Item).not.toHaveProperty('scores');
    expect(Item).not.toHaveProperty('bands');
    // Nor the key of its stored submission: the row's ids give it (assessmentKey).
    expect(Item).not.toHaveProperty('source');
    expect((await collect(app.projections.assessmentRows())).find((r) => r.assessmentId === 'a-3')).toEqual(row);
    expect(await app.projections.serviceRows(ORG, 'svc-3')).toEqual([row]);
    expect(await app.projections.findAssessment('a-3')).toEqual(row);
  });

  it('reads a row stored with its scores, bands and submission key (as before) by its answer letters, whatever those stored say', async () => {
    const row = rowFor('older', 'a-older');
    const stale = {
      ...row,
      scores: { ...row.scores, all: { G: 0, I: 0, all: 0 } },
      bands: { ...row.bands, all: { G: 'none', I: 'none', all: 'none' } },
      source: { pk: `SVC#${ORG}#older`, sk: `A#${row.submittedAt}#a-older` },
    };
    await env.doc.send(
      new PutCommand({
        TableName: env.name('projections'),
        Item: {
          pk: `SVC#${ORG}#older`,
          sk: `A#${row.assessedOn}#${row.submittedAt}#a-older`,
          kind: 'assessment',
          kindShard: 'assessment#0',
          ...stale,
        },
      }),
    );
    expect(await app.projections.serviceRows(ORG, 'older')).toEqual([row]);
    expect((await collect(app.projections.assessmentRows())).find((r) => r.assessmentId === 'a-older')).toEqual(row);
  });
});
