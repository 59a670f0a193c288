// The figures of a period's two reports, built in memory from a small
// hand-made data set: every figure pinned, and the shape of report.json.
import { describe, expect, it } from 'vitest';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { selectPeriod } from '../../shared/domain/report/period-selection.js';
import { SECTIONS } from '../../shared/domain/report/sections/index.js';
import type { Placement } from '../../shared/domain/report/sections/section.js';
import { answers, CATALOG } from '../support/fixtures.js';
import { reportInput, reportServices, small, stored } from '../support/report-input.js';

const reports = buildReports(reportInput());
const pub = reports.public.json;
const com = reports.committee.json;
const none = { good: 0, partial: 0, none: 0, 'n/a': 0 };

describe('the report header', () => {
  it('names the period, the newest submission inside it and the code version', () => {
    expect(pub.kind).toBe('public');
    expect(com.kind).toBe('committee');
    for (const r of [pub, com]) {
      expect(r.period).toEqual({
        id: '2026-Q3',
        kind: 'quarter',
        start: '2026-07-01',
        end: '2026-09-30',
        label: 'het 3e kwartaal van 2026',
      });
      // The counts of 2026-09 came last; the month of 2026-Q4 sent after them does not count.
      expect(r.asOf).toBe('2026-10-02T08:00:00.000Z');
      expect(r.codeVersion).toBe('unit');
    }
  });

  it('takes the newest assessment when no counts were sent, and says null when nothing was', () => {
    expect(buildReports(reportInput({ eloketten: [] })).public.json.asOf).toBe('2026-08-10T00:00:00.000Z');
    expect(buildReports(reportInput({ periodId: '2025-Q1' })).public.json.asOf).toBeNull();
  });

  it('refuses a period that is not one', () => {
    expect(() => buildReports(reportInput({ periodId: '2026-Q5' }))).toThrow('invalid period 2026-Q5');
  });
});

describe('report.json keeps its shape', () => {
  it('lists the public fields in their published order, and nothing of the committee', () => {
    expect(Object.keys(pub)).toEqual([
      'kind',
      'period',
      'asOf',
      'codeVersion',
      'assessments',
      'reworked',
      'eloketten',
      'all',
      'evolution',
      'inRework',
      'goodValues',
      'feedback',
      'providers',
      'withoutPlan',
      'yearDecisions',
      'actionPlan',
    ]);
    // A quarter's report holds no yearly report: its fields say so.
    expect([pub.providers, pub.withoutPlan, pub.yearDecisions, pub.actionPlan]).toEqual([null, null, null, null]);
    // @ts-expect-error the type of the public report.json has no committee fields either
    expect(pub.explanations).toBeUndefined();
  });

  it('lists the committee fields: the public ones, then its own', () => {
    expect(Object.keys(com)).toEqual([
      'kind',
      'period',
      'asOf',
      'codeVersion',
      'assessments',
      'reworked',
      'eloketten',
      'all',
      'evolution',
      'domains',
      'explanations',
      'owing',
      'goLiveUnknown',
      'significanceUnknown',
      'criteria',
      'missingCounts',
      'findings',
      'agenda',
      'expiring',
      'inRework',
      'overdue',
      'goodValues',
      'operationalIndicators',
      'feedback',
      'comments',
      'providers',
      'withoutPlan',
      'yearDecisions',
      'yearDecisionList',
      'actionPlan',
      'statusNotes',
    ]);
  });

  it('gives the committee the same public figures', () => {
    const { kind: _p, ...publicFigures } = pub;
    const {
      kind: _c,
      domains: _d,
      explanations: _e,
      owing: _o,
      goLiveUnknown: _g,
      significanceUnknown: _s,
      criteria: _r,
      missingCounts: _m,
      findings: _f,
      agenda: _a,
      expiring: _x,
      overdue: _v,
      operationalIndicators: _i,
      comments: _t,
      yearDecisionList: _y,
      statusNotes: _n,
      ...shared
    } = com;
    expect(shared).toEqual(publicFigures);
  });

  it('is the same, byte for byte, when built again from the same data', () => {
    const again = buildReports(reportInput());
    expect(JSON.stringify(again.public.json)).toBe(JSON.stringify(pub));
    expect(JSON.stringify(again.committee.json)).toBe(JSON.stringify(com));
  });
});

describe('the assessments', () => {
  it('counts the services assessed by the period end, with their current assessment', () => {
    expect(pub.assessments).toMatchObject({ services: 4, significant: 2, withPre: 3, withPost: 3, owing: 1, goLiveUnknown: 1 });
  });

  it('bands the results (each latest post) and the forecasts (a pre without a post) apart', () => {
    const b = pub.assessments.bands;
    // Results: the posts of s1, s3 and s4. s4's post has all DH-I `no`: none on DH-I, 5 of 11 on DH, 19 of 25 inclusion criteria, 46 of 52 in all.
    expect(b.SD).toEqual({ G: { ...none, good: 3 }, I: { ...none, good: 3 }, all: { ...none, good: 3 } });
    expect(b.DH).toEqual({ G: { ...none, good: 3 }, I: { ...none, good: 2, none: 1 }, all: { ...none, good: 2, partial: 1 } });
    expect(b.all).toEqual({ G: { ...none, good: 3 }, I: { ...none, good: 2, partial: 1 }, all: { ...none, good: 3 } });
    // The forecast: the pre of s2 (one `no` of the user criteria: 5 of 6 on SD-G, 23 of 24 user criteria).
    const f = pub.assessments.forecastBands;
    expect(f.SD).toEqual({ G: { ...none, good: 1 }, I: { ...none, good: 1 }, all: { ...none, good: 1 } });
    expect(f.all).toEqual({ G: { ...none, good: 1 }, I: { ...none, good: 1 }, all: { ...none, good: 1 } });
  });

  it('heads the report with the services good on the user and on the inclusion criteria, results and forecasts apart', () => {
    // s1 and s3 are good on both; s4's post is partial on the inclusion criteria; s2 expects good on both.
    expect(pub.assessments.headline).toEqual({
      results: { good: 2, notGood: 1, notApplicable: 0, total: 3 },
      forecasts: { good: 1, notGood: 0, notApplicable: 0, total: 1 },
    });
  });

  it('lists the services assessed before and after their rework, and how they changed', () => {
    expect({ ...pub.reworked, services: [...pub.reworked.services] }).toEqual({
      improved: 1,
      unchanged: 0,
      worse: 1,
      services: [
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
      ],
    });
  });
});

describe('the e-loketten', () => {
  it('gives each main e-loket its figure of the period, and leaves out a thematic one without data', () => {
    expect(pub.eloketten).toEqual([
      {
        id: 'mijn-burgerprofiel',
        name: 'Mijn Burgerprofiel',
        main: true,
        figure: {
          status: 'reported',
          version: 1,
          servicesOffered: 10,
          providers: 1,
          byTargetGroup: { burgers: 10 },
          volumes: { click: 80, call: 20, connect: null, other: null, total: 100, rows: 1, rowsWithData: 1 },
          digitalShare: 0.8,
        },
      },
      {
        id: 'e-loket-ondernemers',
        name: 'E-loket voor ondernemers',
        main: true,
        figure: {
          status: 'derived',
          derivedFrom: 'months',
          subPeriodsReported: 2,
          subPeriods: 3,
          servicesOffered: 0,
          providers: 0,
          byTargetGroup: { burgers: 0 },
          volumes: { click: 3000, call: 1000, connect: null, other: null, total: 4000, rows: 2, rowsWithData: 2 },
          digitalShare: 0.75,
        },
      },
      { id: 'verenigingsloket', name: 'Verenigingsloket', main: true, figure: { status: 'no_data' } },
      {
        id: 'loket-lokale-besturen',
        name: 'Loket voor Lokale Besturen',
        main: true,
        figure: {
          status: 'reported',
          version: 1,
          servicesOffered: 2,
          providers: 1,
          byTargetGroup: { burgers: 2 },
          volumes: { click: null, call: null, connect: null, other: null, total: null, rows: 1, rowsWithData: 0 },
          digitalShare: null,
        },
      },
    ]);
  });

  it('sums the e-loketten with data, as a ratio of sums', () => {
    expect(pub.all).toEqual({
      status: 'aggregated',
      eloketten: 3,
      servicesOffered: 12,
      providers: 2,
      byTargetGroup: { burgers: 12 },
      volumes: { click: 3080, call: 1020, connect: null, other: null, total: 4100, rows: 4, rowsWithData: 3 },
      digitalShare: 3080 / 4100,
    });
  });

  it('follows the main e-loketten over the eight quarters up to the period, with no data never as 0', () => {
    expect(pub.evolution.quarters).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const noData = (quarter: string) => ({ quarter, status: 'no_data', servicesOffered: null, byTargetGroup: {} });
    const [mbp, elo, vl, llb] = pub.evolution.eloketten;
    expect(pub.evolution.eloketten.map((e) => e.id)).toEqual([
      'mijn-burgerprofiel',
      'e-loket-ondernemers',
      'verenigingsloket',
      'loket-lokale-besturen',
    ]);
    expect(mbp!.points.slice(3, 5)).toEqual([
      noData('2025-Q3'),
      { quarter: '2025-Q4', status: 'reported', servicesOffered: 10, byTargetGroup: { burgers: 10 } },
    ]);
    expect(elo!.points.slice(5)).toEqual([
      noData('2026-Q1'),
      { quarter: '2026-Q2', status: 'derived', servicesOffered: 4, byTargetGroup: { burgers: 4 } },
      { quarter: '2026-Q3', status: 'derived', servicesOffered: 0, byTargetGroup: { burgers: 0 } },
    ]);
    expect(vl!.points.every((p) => p.status === 'no_data' && p.servicesOffered === null)).toBe(true);
    expect(llb!.points.at(-1)).toEqual({ quarter: '2026-Q3', status: 'reported', servicesOffered: 2, byTargetGroup: { burgers: 2 } });
  });
});

describe('the committee report', () => {
  it('groups the services per policy domain and organisation, with an unregistered organisation under its id', () => {
    expect(
      com.domains.map((d) => ({
        domain: d.policyDomain,
        organisations: d.organisations.map((o) => [
          o.organisationId,
          o.name,
          [...o.services].map((s) => [s.serviceId, s.significant, s.pre?.score ?? null, s.post?.score ?? null]),
        ]),
      })),
    ).toEqual([
      {
        domain: 'Omgeving',
        organisations: [
          [
            'OVO1',
            'Departement Omgeving',
            [
              ['s1', false, 51 / 52, 1],
              ['s2', true, 51 / 52, null],
            ],
          ],
        ],
      },
      {
        domain: 'Onbekend beleidsdomein',
        organisations: [
          [
            'OVO2',
            'OVO2',
            [
              ['s3', true, null, 1],
              ['s4', false, 1, 46 / 52],
            ],
          ],
        ],
      },
    ]);
    expect([...com.domains[1]!.organisations[0]!.services][1]!.post).toMatchObject({ assessedOn: '2026-08-05', band: 'good' });
    expect([...com.domains[1]!.organisations[0]!.services][1]!.post!.bands.DH.I).toBe('none');
  });

  it('lists every explained answer of the assessments that count, with names and the criterion text', () => {
    const text = (id: string) => CATALOG.criteria.find((c) => c.id === id)!.text;
    const x = (o: string, on: string, s: string, sn: string, phase: 'pre' | 'post', c: string) => ({
      organisationId: o,
      organisationName: on,
      serviceId: s,
      serviceName: sn,
      phase,
      criterionId: c,
      criterionText: text(c),
      answer: 'no',
      explanation: `Uitleg bij ${c}.`,
      plannedBy: null,
    });
    expect([...com.explanations]).toEqual([
      x('OVO1', 'Departement Omgeving', 's1', 'Kleine dienst', 'pre', 'SD-G2'),
      x('OVO1', 'Departement Omgeving', 's2', 'Grote dienst', 'pre', 'SD-G1'),
      ...[1, 2, 3, 4, 5, 6].map((n) => x('OVO2', 'OVO2', 's4', 'Kleine dienst', 'post', `DH-I${n}`)),
    ]);
    // The page counts what the rows say (the model counts them apart from the rows, made only when written).
    expect(reportPage(reports.committee)).toContain(
      '8 keer voldoet een dienst niet aan een criterium, 0 keer is een criterium niet van toepassing;',
    );
  });

  it('counts the unmet and the not-applicable explanations apart on the page, as its rows say', () => {
    const input = reportInput();
    const s1pre = [...input.explanations.keys()].find((id) => id.startsWith('s1'))!;
    const notApplicable = [1, 2, 3].map((n) => ({
      criterionId: `BT-G${n}`,
      answer: 'not_applicable' as const,
      explanation: `Geen balie (${n}).`,
    }));
    const explanations = new Map([...input.explanations].map(([id, xs]) => [id, id === s1pre ? [...xs, ...notApplicable] : xs]));
    const { committee } = buildReports({ ...input, explanations });
    const rows = [...committee.json.explanations];
    expect(rows.map((x) => x.answer).filter((a) => a === 'not_applicable')).toHaveLength(3);
    expect(rows).toHaveLength(11);
    expect(reportPage(committee)).toContain(
      '8 keer voldoet een dienst niet aan een criterium, 3 keer is een criterium niet van toepassing;',
    );
    expect(reportPage(committee)).toContain('Toon alle 11 toelichtingen');
  });

  it('names the significant services that owe an assessment, since when, and those whose go-live date is unknown', () => {
    // s3 has a post and no pre: its pre is owed from the day it was first seen. s2 has a pre, and no go-live date.
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
    expect(com.significanceUnknown).toEqual([]);
  });

  it('puts the criteria the fewest services meet first, over every criterion of the catalog', () => {
    expect(com.criteria).toHaveLength(52);
    expect(com.criteria.slice(0, 8).map((c) => [c.criterionId, c.met, c.notMet, c.notApplicable, c.share])).toEqual([
      ['DH-I1', 3, 1, 0, 0.75],
      ['DH-I2', 3, 1, 0, 0.75],
      ['DH-I3', 3, 1, 0, 0.75],
      ['DH-I4', 3, 1, 0, 0.75],
      ['DH-I5', 3, 1, 0, 0.75],
      ['DH-I6', 3, 1, 0, 0.75],
      // s2 counts with its pre (SD-G1 `no`); s1 counts with its post, so its pre's SD-G2 does not.
      ['SD-G1', 3, 1, 0, 0.75],
      ['BT-G1', 4, 0, 0, 1],
    ]);
    expect(com.criteria[0]).toMatchObject({ principle: 'DH', perspective: 'I' });
  });

  it('names the main e-loketten without counts for the period', () => {
    expect(com.missingCounts).toEqual([{ id: 'verenigingsloket', name: 'Verenigingsloket' }]);
  });

  it('carries the data-quality findings, most severe first', () => {
    expect(com.findings.map((f) => [f.severity, f.code, f.subject])).toEqual([
      ['error', 'services-dropped-to-zero', 'e-loket-ondernemers'],
      ['warning', 'post-below-pre', 'OVO2/s4'],
      ['warning', 'volume-jump', 'e-loket-ondernemers'],
      ['notice', 'counts-unchanged', 'mijn-burgerprofiel'],
    ]);
  });
});

describe('services at the edges of the rules', () => {
  // A third organisation, registered under a policy domain that sorts last but an id that sorts first.
  const OVO0 = { organisationId: 'OVO0', name: 'Agentschap Zorg', kind: 'agency' as const, policyDomain: 'Welzijn' };
  const extra = [
    // reworked, the same score before and after
    [
      stored('s6pre', '2026-01-02T00:00:00.000Z', {
        organisationId: 'OVO0',
        serviceId: 's6',
        phase: 'pre',
        assessedOn: '2026-01-01',
        service: small,
        answers: answers({ 'SD-G1': 'no' }),
      }),
      stored('s6post', '2026-06-02T00:00:00.000Z', {
        organisationId: 'OVO0',
        serviceId: 's6',
        phase: 'post',
        assessedOn: '2026-06-01',
        service: small,
        answers: answers({ 'SD-G3': 'no' }),
      }),
    ],
    // not significant: owes nothing, with only a pre or only a post
    [
      stored('s7pre', '2026-01-02T00:00:00.000Z', {
        organisationId: 'OVO0',
        serviceId: 's7',
        phase: 'pre',
        assessedOn: '2026-01-01',
        service: small,
      }),
    ],
    [
      stored('s8post', '2026-01-02T00:00:00.000Z', {
        organisationId: 'OVO0',
        serviceId: 's8',
        phase: 'post',
        assessedOn: '2026-01-01',
        service: small,
      }),
    ],
  ].flat();
  const input = reportInput({ assessments: [...extra, ...reportServices().flat()] });
  const { public: p, committee: c } = buildReports({ ...input, organisations: new Map([...input.organisations, ['OVO0', OVO0]]) });

  it('counts a reworked service with the same score as unchanged, not as better', () => {
    expect(p.json.reworked).toMatchObject({ improved: 1, unchanged: 1, worse: 1 });
    expect(reportPage(p)).toContain('3 diensten zijn vóór én na hun vernieuwing getoetst. 1 scoren nu beter, 1 gelijk en 1 minder goed');
    expect([...p.json.reworked.services].map((s) => [s.serviceId, s.change])).toEqual([
      ['s6', 0],
      ['s1', 1 - 51 / 52],
      ['s4', 46 / 52 - 1],
    ]);
  });

  it('lets only a significant service owe an assessment', () => {
    expect(p.json.assessments).toMatchObject({ services: 7, significant: 2, withPre: 5, withPost: 5, owing: 1 });
    expect(c.json.owing.map((o) => o.serviceId)).toEqual(['s3']);
  });

  it('orders the policy domains by name, whatever the order of their organisations', () => {
    expect(c.json.domains.map((d) => d.policyDomain)).toEqual(['Omgeving', 'Onbekend beleidsdomein', 'Welzijn']);
  });
});

describe('an empty period', () => {
  it('has no assessments and no counts, and says so rather than 0', () => {
    const empty = buildReports(reportInput({ periodId: '2025-Q1' }));
    expect(empty.public.json.assessments).toMatchObject({ services: 0, significant: 0, withPre: 0, withPost: 0, owing: 0 });
    expect({ ...empty.public.json.reworked, services: [...empty.public.json.reworked.services] }).toEqual({
      improved: 0,
      unchanged: 0,
      worse: 0,
      services: [],
    });
    expect(empty.public.json.all).toEqual({ status: 'no_data' });
    expect(empty.committee.json.missingCounts.map((m) => m.id)).toEqual([
      'mijn-burgerprofiel',
      'e-loket-ondernemers',
      'verenigingsloket',
      'loket-lokale-besturen',
    ]);
    expect(empty.committee.json.domains).toEqual([]);
  });
});

describe('the selection of a period', () => {
  it('keeps the services assessed by the period end, by organisation then service', () => {
    const selection = selectPeriod(reportInput());
    expect(selection.services.map((r) => `${r.service.organisationId}/${r.service.serviceId}`)).toEqual([
      'OVO1/s1',
      'OVO1/s2',
      'OVO2/s3',
      'OVO2/s4',
    ]);
    expect(selection.services.map((r) => [r.pre?.assessmentId ?? null, r.post?.assessmentId ?? null])).toEqual([
      ['s1pre', 's1post'],
      ['s2pre', null],
      [null, 's3post'],
      ['s4pre', 's4post'],
    ]);
  });

  it('computes a figure that several sections show once per period', () => {
    const selection = selectPeriod(reportInput());
    let runs = 0;
    const figure = () => ({ run: ++runs });
    expect(selection.shared(figure)).toBe(selection.shared(figure));
    expect(runs).toBe(1);
    expect(selectPeriod(reportInput()).shared(figure)).toEqual({ run: 2 });
  });
});

describe('the section registry', () => {
  it('gives every section its own anchor, and every CSV file its own name', () => {
    const ids = SECTIONS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = SECTIONS.flatMap((s) => s.csvNames);
    expect(new Set(names).size).toBe(names.length);
  });

  it('places every section in at least one report, each at its own place on the page', () => {
    for (const s of SECTIONS) expect(Object.keys(s.in).length, s.id).toBeGreaterThan(0);
    for (const audience of ['public', 'committee'] as const) {
      const places = SECTIONS.flatMap(({ in: placement }: { in: Placement }) =>
        placement[audience] === undefined ? [] : [placement[audience]],
      );
      expect(new Set(places).size, audience).toBe(places.length);
    }
  });

  it('keeps the committee-only sections, with their free text, out of the public report', () => {
    expect(reports.public.sections.map((s) => s.section.id)).toEqual([
      'principes',
      'vernieuwd',
      'e-loketten',
      'kanalen',
      'kort',
      'uitleg',
      'in-vernieuwing',
      'goede-waarden',
      'tevredenheid',
    ]);
    expect(reports.committee.sections.map((s) => s.section.id)).toEqual([
      'principes',
      'vernieuwd',
      'e-loketten',
      'kanalen',
      'diensten',
      'toelichtingen',
      'verschuldigd',
      'criteria',
      'niet-gemeld',
      'bevindingen',
      'kort',
      'uitleg',
      'agenda',
      'in-vernieuwing',
      'achterstallig',
      'goede-waarden',
      'operationele-indicatoren',
      'tevredenheid',
      'opmerkingen',
    ]);
  });
});
