// The publisher reads the feedback instrument against the stand-ins: form
// answers and providers' aggregates through their routes, projected by the
// stream, and then the period's reports: satisfaction over both sources, the
// comments (masked, as stored) in the committee's report only, nothing dated
// after the period changing its bytes; and a year's report with the plan,
// the maturity scan and the action plan's progress.
import { beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let fb: ReturnType<typeof wireFeedback>;
let provider: string;
let committee: string;
const ORG = 'OVO000501';
let clock = new Date('2026-07-02T09:00:00Z');
let ip = 0;
const nextIp = () => `192.0.2.${++ip}`;

const ratings = (r: [number, number, number, number, number]) => ({ '1': r[0], '2': r[1], '3': r[2], '4': r[3], '5': r[4] });

/** The reports as published on a day after the period, with the clock of that day. */
const publisher = (today: string) => wire(env, { today, now: () => new Date(`${today}T06:00:00Z`) }).publishDeps;

async function bucketFiles(bucket: 'publicReports' | 'committeeReports', prefix: string): Promise<Record<string, string>> {
  const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: env.name(bucket), Prefix: prefix }));
  const out: Record<string, string> = {};
  for (const o of listed.Contents ?? [])
    out[o.Key!] = await (await env.s3.send(new GetObjectCommand({ Bucket: env.name(bucket), Key: o.Key! }))).Body!.transformToString();
  return out;
}
const json = async (bucket: 'publicReports' | 'committeeReports', key: string) => JSON.parse((await bucketFiles(bucket, key))[key]!);

beforeAll(async () => {
  env = await standIns('rptfeedback');
  fb = wireFeedback(env, { now: () => clock });
  provider = (await fb.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  committee = (await fb.keys.create({ role: 'steering-committee' })).key;
  await fb.assess(provider, ORG, 'vergunning', 'Omgevingsvergunning aanvragen');
  await fb.assess(provider, ORG, 'parkeren', 'Parkeerkaart aanvragen');
  // Three answers on the form in July, one with an e-mail address in its comment.
  clock = new Date('2026-07-05T10:00:00Z');
  for (const [rating, comment] of [
    [5, 'Snel klaar. Mail me op jan.peeters@voorbeeld.be'],
    [4, undefined],
    [2, undefined],
  ] as const)
    expect(
      (await fb.postJson(ORG, 'vergunning', { rating, foundIt: 'yes', ...(comment ? { comment } : {}) }, { ip: nextIp() })).statusCode,
    ).toBe(201);
  // The provider's own tool: 2026-Q3, then a correction that replaces it; a month for the other service.
  clock = new Date('2026-10-03T08:00:00Z');
  const q3 = (r: [number, number, number, number, number], comments: string[]) => ({
    organisationId: ORG,
    period: '2026-Q3',
    services: [{ serviceId: 'vergunning', responses: 10, ratings: ratings(r), foundIt: { yes: 6, partly: 2, no: 2 }, comments }],
  });
  expect((await fb.postAggregates(provider, q3([5, 5, 0, 0, 0], ['Eerste versie.']))).statusCode).toBe(201);
  expect((await fb.postAggregates(provider, q3([0, 1, 1, 4, 4], ['Te veel stappen.']))).statusCode).toBe(201);
  expect(
    (
      await fb.postAggregates(provider, {
        organisationId: ORG,
        period: '2026-08',
        services: [{ serviceId: 'parkeren', responses: 4, ratings: ratings([0, 0, 0, 2, 2]) }],
      })
    ).statusCode,
  ).toBe(201);
  await fb.drain();
});

describe('a quarter’s reports', () => {
  it('show satisfaction per service and over all, over both sources, the corrected aggregate replacing the first', async () => {
    await publishReports(publisher('2026-11-26'), '2026-Q3');
    const pub = await json('publicReports', 'reports/2026-Q3/report.json');
    const [parkeren, vergunning] = pub.feedback.services;
    // 3 form answers [0,1,0,1,1] + the correction [0,1,1,4,4]: 10 of 13 gave 4 or 5
    expect(vergunning).toMatchObject({
      serviceId: 'vergunning',
      name: 'Omgevingsvergunning aanvragen',
      feedback: { status: 'enough', responses: 13, satisfaction: 10 / 13, meanRating: 4, foundItShare: 9 / 13 },
      sources: { form: 3, aggregate: { status: 'reported', version: 2, responses: 10 } },
    });
    expect(parkeren).toMatchObject({
      serviceId: 'parkeren',
      feedback: { status: 'too_few', responses: 4, label: 'te weinig reacties' },
      sources: { form: 0, aggregate: { status: 'derived', derivedFrom: 'months', subPeriodsReported: 1, subPeriods: 3 } },
    });
    expect(pub.feedback.all).toMatchObject({ status: 'enough', responses: 17, satisfaction: 14 / 17 });
    expect(pub.feedback.evolution.at(-1)).toMatchObject({ quarter: '2026-Q3', feedback: { responses: 17 } });
    const csv = (await bucketFiles('publicReports', 'reports/2026-Q3/tevredenheid.csv'))['reports/2026-Q3/tevredenheid.csv'];
    expect(csv).toContain(`2026-Q3,${ORG},${ORG},parkeren,Parkeerkaart aanvragen,too_few,4,,,,0,derived\r\n`);
  });

  it('give the committee the comments, masked as stored, and no public file any comment', async () => {
    const com = await json('committeeReports', 'committee/2026-Q3/report.json');
    expect(com.comments).toEqual([
      {
        organisationId: ORG,
        organisationName: ORG,
        serviceId: 'vergunning',
        serviceName: 'Omgevingsvergunning aanvragen',
        comments: [
          { source: 'aggregate', receivedOn: '2026-10-03', period: '2026-Q3', rating: null, text: 'Te veel stappen.' },
          { source: 'form', receivedOn: '2026-07-05', period: null, rating: 5, text: 'Snel klaar. Mail me op [e-mailadres]' },
        ],
        total: 2,
      },
    ]);
    const committeeFiles = await bucketFiles('committeeReports', 'committee/2026-Q3/');
    expect(committeeFiles['committee/2026-Q3/index.html']).toContain('<td class="text">Snel klaar. Mail me op [e-mailadres]</td>');
    expect(JSON.stringify(committeeFiles)).not.toContain('Eerste versie.');
    expect(JSON.stringify(committeeFiles)).not.toContain('jan.peeters');
    const publicText = JSON.stringify(await bucketFiles('publicReports', 'reports/'));
    for (const text of ['Snel klaar', 'Te veel stappen', '[e-mailadres]']) expect(publicText).not.toContain(text);
  });

  it('are the same bytes after answers, aggregates and comments dated after the quarter', async () => {
    const before = {
      ...(await bucketFiles('publicReports', 'reports/2026-Q3/')),
      ...(await bucketFiles('committeeReports', 'committee/2026-Q3/')),
    };
    clock = new Date('2026-10-20T10:00:00Z');
    expect((await fb.postJson(ORG, 'vergunning', { rating: 1, comment: 'In oktober.' }, { ip: nextIp() })).statusCode).toBe(201);
    expect(
      (
        await fb.postAggregates(provider, {
          organisationId: ORG,
          period: '2026-10',
          services: [{ serviceId: 'vergunning', responses: 20, ratings: ratings([20, 0, 0, 0, 0]), comments: ['Oktober, eigen tool.'] }],
        })
      ).statusCode,
    ).toBe(201);
    await fb.drain();
    await publishReports(publisher('2026-11-26'), '2026-Q3');
    const after = {
      ...(await bucketFiles('publicReports', 'reports/2026-Q3/')),
      ...(await bucketFiles('committeeReports', 'committee/2026-Q3/')),
    };
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
    // October's own report does show them.
    await publishReports(publisher('2026-11-26'), '2026-10');
    const october = await json('committeeReports', 'committee/2026-10/report.json');
    expect(october.comments[0].comments.map((c: { text: string }) => c.text).sort()).toEqual(['In oktober.', 'Oktober, eigen tool.']);
  });

  it('leave out a comment that has expired by the time they are built', async () => {
    // Comments are kept 400 days from when they came in: the form's July comment is gone in August 2027.
    await publishReports(publisher('2027-08-20'), '2026-Q3');
    const com = await json('committeeReports', 'committee/2026-Q3/report.json');
    expect(com.comments[0].comments.map((c: { text: string }) => c.text)).toEqual(['Te veel stappen.']);
    // The figures stay: they hold no comment.
    expect((await json('publicReports', 'reports/2026-Q3/report.json')).feedback.all.responses).toBe(17);
  });
});

describe('a year’s reports', () => {
  it('hold the yearly report: the plan and its assessments, the feedback, the maturity scan and the action plan', async () => {
    const app = wire(env, { now: () => clock });
    clock = new Date('2026-11-02T09:00:00Z');
    const plan = await app.submitPlan(
      httpEvent({
        routeKey: 'POST /v1/plans',
        headers: jsonHeaders(provider),
        body: JSON.stringify({
          organisationId: ORG,
          year: 2026,
          services: [
            {
              serviceId: 'vergunning',
              kind: 'rework',
              name: 'Omgevingsvergunning aanvragen',
              targetGroups: ['burgers'],
              budgetEur: 900_000,
              startsOn: '2026-06-01',
              goLiveOn: '2026-09-01',
            },
          ],
        }),
      }),
      app.context(),
    );
    expect(plan.statusCode).toBe(201);
    await fb.themes.put([{ themeId: 'dienstverlening', name: 'Dienstverlening' }]);
    const scan = await fb.maturity(
      httpEvent({
        routeKey: 'POST /v1/maturity',
        headers: jsonHeaders(provider),
        body: JSON.stringify({
          organisationId: ORG,
          year: 2026,
          themes: { dienstverlening: { current: 'basis', ambition: 'integratie' } },
        }),
      }),
      fb.context(),
    );
    expect(scan.statusCode).toBe(201);
    const status = await fb.status(
      httpEvent({
        routeKey: 'POST /v1/actions/{n}/status',
        headers: jsonHeaders(committee),
        pathParameters: { n: '14' },
        body: JSON.stringify({ status: 'lopend', note: 'Het formulier staat online.' }),
      }),
      fb.context(),
    );
    expect(status.statusCode).toBe(201);
    await fb.drain();

    await publishReports(publisher('2027-01-05'), '2026');
    const pub = await json('publicReports', 'reports/2026/report.json');
    expect(pub.providers).toHaveLength(1);
    expect(pub.providers[0]).toMatchObject({
      organisationId: ORG,
      plan: [{ serviceId: 'vergunning', kind: 'rework', pre: '2026-07-02', post: null, owes: [{ phase: 'post', since: '2026-11-30' }] }],
      maturity: { themes: [{ themeId: 'dienstverlening', name: 'Dienstverlening', current: 'basis', ambition: 'integratie', steps: 2 }] },
      comments: 4,
    });
    // The year: July's three answers, the Q3 aggregate and October's, both sources summed.
    expect(pub.providers[0].feedback.all).toMatchObject({ status: 'enough', responses: 38 });
    expect(pub.actionPlan.actions.find((a: { id: string }) => a.id === '14')).toMatchObject({ atEnd: 'lopend', since: '2026-11-02' });
    expect(JSON.stringify(pub)).not.toContain('Het formulier staat online.');
    const com = await json('committeeReports', 'committee/2026/report.json');
    expect(com.statusNotes).toEqual([
      {
        recordedOn: '2026-11-02',
        subject: 'Actie 14. Ontwikkelen van een feedbackinstrument',
        status: 'lopend',
        note: 'Het formulier staat online.',
      },
    ]);
    const files = Object.keys(await bucketFiles('publicReports', 'reports/2026/')).sort();
    const csv = [
      'acties.csv',
      'dienstverleners.csv',
      'e-loketten.csv',
      'goede-waarden.csv',
      'hulpmiddelen.csv',
      'in-vernieuwing.csv',
      'indicators.csv',
      'jaarplannen.csv',
      'kanalen.csv',
      'maturiteit.csv',
      'tevredenheid-kwartalen.csv',
      'tevredenheid.csv',
      'vernieuwde-diensten.csv',
    ];
    // Each CSV with its CSVW description beside it (open data), the page and report.json.
    expect(files).toEqual(
      [...csv, ...csv.map((f) => `${f}-metadata.json`), 'index.html', 'report.json'].sort().map((f) => `reports/2026/${f}`),
    );
  });
});
