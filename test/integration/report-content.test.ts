// What the two reports say for a fixed data set: every figure pinned, in the
// JSON a reader (or a program) gets, and the files that go with it.
import { beforeAll, describe, expect, it } from 'vitest';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { summarize, type CountRow } from '../../shared/domain/service-counts.js';
import type { StoredAssessment } from '../../shared/domain/service-view.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { answers, assessment } from '../support/fixtures.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let pub: Record<string, any>;
let com: Record<string, any>;

const DH_I_NO = Object.fromEntries(['DH-I1', 'DH-I2', 'DH-I3', 'DH-I4', 'DH-I5', 'DH-I6'].map((id) => [id, 'no' as const]));
const small = { name: 'Kleine dienst', targetGroups: ['burgers' as const], budgetEur: 1000, expectedUsers: 10, eloketten: [] };
const big = { name: 'Grote dienst', targetGroups: ['burgers' as const], budgetEur: 900000, expectedUsers: 10, eloketten: [] };
const a = (id: string, at: string, over: Parameters<typeof assessment>[0]): StoredAssessment => ({
  assessmentId: id,
  submittedAt: at,
  submission: storedSubmission(assessment(over)),
});

async function counts(eloket: string, period: string, rows: CountRow[], version = 1) {
  await app.projections.putCounts({
    eloket,
    period,
    version,
    reportId: `${eloket}-${period}`,
    submittedAt: '2026-10-01T00:00:00.000Z',
    summary: summarize(rows),
  });
}
const row = (org: string, servicesOffered: number, volumes?: CountRow['volumes']): CountRow => ({
  organisationId: org,
  targetGroup: 'burgers',
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});

beforeAll(async () => {
  env = await standIns('content');
  app = wire(env);
  await app.organisations.put([{ organisationId: 'OVO1', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' }]);
  const services: StoredAssessment[][] = [
    [
      a('s1pre', '2026-01-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's1',
        phase: 'pre',
        assessedOn: '2026-01-05',
        service: small,
        answers: answers({ 'SD-G2': 'no' }),
      }),
      a('s1post', '2026-07-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's1',
        phase: 'post',
        assessedOn: '2026-07-05',
        service: small,
      }),
    ],
    [
      a('s2pre', '2026-02-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's2',
        phase: 'pre',
        assessedOn: '2026-02-05',
        service: big,
        answers: answers({ 'SD-G1': 'no' }),
      }),
    ],
    [
      a('s3post', '2026-05-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's3',
        phase: 'post',
        assessedOn: '2026-05-05',
        service: big,
      }),
    ],
    [
      a('s4pre', '2026-03-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's4',
        phase: 'pre',
        assessedOn: '2026-03-05',
        service: small,
      }),
      a('s4post', '2026-08-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's4',
        phase: 'post',
        assessedOn: '2026-08-05',
        service: small,
        answers: answers(DH_I_NO),
      }),
    ],
  ];
  await storeAndProject(app, services.flat());
  // Mijn Burgerprofiel: the same figures four quarters running.
  for (const q of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'])
    await counts('mijn-burgerprofiel', q, [row('OVO1', 10, { click: 80, call: 20 })]);
  // E-loket ondernemers, monthly: volumes jump and services drop to 0 in the last month.
  for (const m of ['2026-04', '2026-05', '2026-06']) await counts('e-loket-ondernemers', m, [row('OVO2', 4, { click: 30, call: 3 })]);
  await counts('e-loket-ondernemers', '2026-07', [row('OVO2', 4, { click: 1000, call: 500 })]);
  await counts('e-loket-ondernemers', '2026-09', [row('OVO2', 0, { click: 2000, call: 500 })]);
  await counts('loket-lokale-besturen', '2026-Q3', [row('OVO2', 2)]);
  await publishReports(app.publishDeps, '2026-Q3', 'content');
  const read = async (bucket: 'publicReports' | 'committeeReports', key: string) => (await app.objects.get(env.name(bucket), key))!.body;
  pub = JSON.parse(await read('publicReports', 'reports/2026-Q3/report.json'));
  com = JSON.parse(await read('committeeReports', 'committee/2026-Q3/report.json'));
});

describe('public transparency report', () => {
  it('shows which services were reworked and how they changed', () => {
    expect(pub.reworked.improved).toBe(1);
    expect(pub.reworked.worse).toBe(1);
    expect(pub.reworked.unchanged).toBe(0);
    expect(pub.reworked.services).toEqual([
      {
        organisationId: 'OVO1',
        organisationName: 'Departement Omgeving',
        serviceId: 's1',
        name: 'Kleine dienst',
        pre: { assessedOn: '2026-01-05', score: 51 / 52, band: 'good' },
        post: { assessedOn: '2026-07-05', score: 1, band: 'good' },
        change: 1 - 51 / 52,
      },
      {
        organisationId: 'OVO2',
        organisationName: 'OVO2',
        serviceId: 's4',
        name: 'Kleine dienst',
        pre: { assessedOn: '2026-03-05', score: 1, band: 'good' },
        post: { assessedOn: '2026-08-05', score: 46 / 52, band: 'good' },
        change: 46 / 52 - 1,
      },
    ]);
  });

  it('shows the e-loketten over eight quarters, with no data never drawn as 0', () => {
    expect(pub.evolution.quarters).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const mbp = pub.evolution.eloketten.find((e: { id: string }) => e.id === 'mijn-burgerprofiel');
    expect(mbp.points.map((p: { status: string; servicesOffered: number | null }) => [p.status, p.servicesOffered])).toEqual([
      ['no_data', null],
      ['no_data', null],
      ['no_data', null],
      ['no_data', null],
      ['reported', 10],
      ['reported', 10],
      ['reported', 10],
      ['reported', 10],
    ]);
    const elo = pub.evolution.eloketten.find((e: { id: string }) => e.id === 'e-loket-ondernemers');
    expect(elo.points.slice(6)).toEqual([
      { quarter: '2026-Q2', status: 'derived', servicesOffered: 4, byTargetGroup: { burgers: 4 } },
      { quarter: '2026-Q3', status: 'derived', servicesOffered: 0, byTargetGroup: { burgers: 0 } },
    ]);
    expect(pub.evolution.eloketten.map((e: { id: string }) => e.id)).toEqual([
      'mijn-burgerprofiel',
      'e-loket-ondernemers',
      'verenigingsloket',
      'loket-lokale-besturen',
    ]);
  });

  it('gives the channel volumes and digital share of the period per e-loket and overall', () => {
    const byId = Object.fromEntries(pub.eloketten.map((e: { id: string; figure: unknown }) => [e.id, e.figure]));
    expect(byId['e-loket-ondernemers']).toMatchObject({
      status: 'derived',
      subPeriodsReported: 2,
      subPeriods: 3,
      volumes: { click: 3000, call: 1000, connect: null, other: null, total: 4000, rows: 2, rowsWithData: 2 },
      digitalShare: 0.75,
    });
    expect(byId.verenigingsloket).toEqual({ status: 'no_data' });
    expect(byId['loket-lokale-besturen']).toMatchObject({
      status: 'reported',
      volumes: { total: null, rows: 1, rowsWithData: 0 },
      digitalShare: null,
    });
    expect(pub.all).toMatchObject({
      status: 'aggregated',
      eloketten: 3,
      servicesOffered: 12,
      volumes: { click: 3080, call: 1020, total: 4100 },
      digitalShare: 3080 / 4100,
    });
  });

  it('holds no free text: no explanation reaches a public file', async () => {
    for (const name of ['report.json', 'index.html', 'indicators.csv', 'vernieuwde-diensten.csv', 'e-loketten.csv', 'kanalen.csv']) {
      const body = (await app.objects.get(env.name('publicReports'), `reports/2026-Q3/${name}`))!.body;
      expect(body).not.toContain('Uitleg bij');
    }
    expect(JSON.stringify(pub)).not.toContain('explanation');
  });
});

describe('steering-committee report', () => {
  it('lists the services per policy domain and organisation, pre and post side by side', () => {
    expect(com.domains.map((d: { policyDomain: string }) => d.policyDomain)).toEqual(['Omgeving', 'Onbekend beleidsdomein']);
    const omgeving = com.domains[0].organisations[0];
    expect(omgeving.name).toBe('Departement Omgeving');
    expect(
      omgeving.services.map((s: { serviceId: string; pre: { score: number } | null; post: { score: number } | null }) => [
        s.serviceId,
        s.pre?.score ?? null,
        s.post?.score ?? null,
      ]),
    ).toEqual([
      ['s1', 51 / 52, 1],
      ['s2', 51 / 52, null],
    ]);
  });

  it('names the significant services that owe an assessment, since when, those with no go-live date, and who did not report', () => {
    // s3 has only a post: it owes its pre from the day it was first seen. s2 owes no post: its go-live date is unknown.
    expect(com.owing).toEqual([
      {
        organisationId: 'OVO2',
        organisationName: 'OVO2',
        serviceId: 's3',
        name: 'Grote dienst',
        owes: 'pre',
        since: '2026-05-05',
        planned: false,
      },
    ]);
    expect(com.goLiveUnknown).toEqual([
      { organisationId: 'OVO1', organisationName: 'Departement Omgeving', serviceId: 's2', name: 'Grote dienst' },
    ]);
    expect(com.missingCounts).toEqual([{ id: 'verenigingsloket', name: 'Verenigingsloket' }]);
  });

  it('puts the criteria the fewest services meet first', () => {
    expect(
      com.criteria
        .slice(0, 8)
        .map((c: { criterionId: string; met: number; notMet: number; share: number }) => [c.criterionId, c.met, c.notMet, c.share]),
    ).toEqual([
      ['DH-I1', 3, 1, 0.75],
      ['DH-I2', 3, 1, 0.75],
      ['DH-I3', 3, 1, 0.75],
      ['DH-I4', 3, 1, 0.75],
      ['DH-I5', 3, 1, 0.75],
      ['DH-I6', 3, 1, 0.75],
      ['SD-G1', 3, 1, 0.75],
      ['BT-G1', 4, 0, 1],
    ]);
    expect(com.criteria).toHaveLength(52);
  });

  it('reports the data-quality findings with their severity, most severe first', () => {
    expect(com.findings).toEqual([
      {
        severity: 'error',
        code: 'services-dropped-to-zero',
        subject: 'e-loket-ondernemers',
        message: 'E-loket voor ondernemers: het aantal aangeboden diensten zakt van 4 in 2026-Q2 naar 0 in 2026-Q3.',
      },
      {
        severity: 'warning',
        code: 'post-below-pre',
        subject: 'OVO2/s4',
        message: 'Kleine dienst (OVO2): de toetsing na de vernieuwing (88 %) scoort lager dan die ervoor (100 %).',
      },
      {
        severity: 'warning',
        code: 'volume-jump',
        subject: 'e-loket-ondernemers',
        message: 'E-loket voor ondernemers: het aantal interacties verandert meer dan tienvoudig, van 99 in 2026-Q2 naar 4000 in 2026-Q3.',
      },
      {
        severity: 'notice',
        code: 'counts-unchanged',
        subject: 'mijn-burgerprofiel',
        message: 'Mijn Burgerprofiel: de cijfers zijn vier periodes na elkaar exact dezelfde (2025-Q4 tot 2026-Q3); zijn ze bijgewerkt?',
      },
    ]);
  });

  it('comes with CSV files of its tables', async () => {
    const csv = async (name: string) =>
      (await app.objects.get(env.name('committeeReports'), `committee/2026-Q3/${name}`))!.body.split('\r\n');
    expect((await csv('bevindingen.csv'))[1]).toBe(
      '2026-Q3,error,services-dropped-to-zero,e-loket-ondernemers,E-loket voor ondernemers: het aantal aangeboden diensten zakt van 4 in 2026-Q2 naar 0 in 2026-Q3.',
    );
    expect((await csv('criteria.csv'))[1]).toBe('2026-Q3,DH-I1,DH,I,3,1,0,0.75');
    expect((await csv('diensten.csv'))[1]).toBe(
      `2026-Q3,Omgeving,OVO1,Departement Omgeving,s1,Kleine dienst,nee,2026-01-05,${51 / 52},good,2026-07-05,1,good`,
    );
    expect((await csv('explanations.csv')).find((l) => l.startsWith('2026-Q3,OVO2,OVO2,s4,Kleine dienst,post,DH-I1,'))).toMatch(
      /,no,Uitleg bij DH-I1\.,$/,
    );
    expect((await csv('verschuldigd.csv'))[1]).toBe('2026-Q3,OVO2,OVO2,s3,Grote dienst,pre,2026-05-05,nee');
  });
});
