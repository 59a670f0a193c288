// The lifecycle in a period's reports, built in memory: the agenda and the
// committee's decisions, expiring derogations, the services in rework with
// their forecast, plans that make a service owe an assessment, promises
// overdue — and the one as-of selection that makes a period's report a
// function of what is dated by its end (a property test, which covers the
// operational indicators too: later measures, and a catalog version
// published after the period).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedEntry } from '../../shared/domain/as-of.js';
import type { DecisionFact } from '../../shared/domain/lifecycle/agenda.js';
import { allCatalogs, FIRST_INDICATOR_CATALOG, type IndicatorCatalog } from '../../shared/domain/operational/catalogs.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { answers } from '../support/fixtures.js';
import type { MaturityScanFact, PlanHead } from '../../shared/domain/report/feedback-input.js';
import {
  aggregateComment,
  aggregateOf,
  big,
  formComment,
  formMonth,
  reportAssessments,
  reportInput,
  statusChange,
  stored,
} from '../support/report-input.js';

const decision = (
  over: Partial<DecisionFact> & Pick<DecisionFact, 'assessmentId' | 'decidedOn'>,
): DecisionFact & { recordedAt: string } => ({
  decisionId: `d-${over.assessmentId}-${over.decidedOn}`,
  organisationId: 'OVO1',
  serviceId: 's2',
  decision: 'accepted',
  criteria: ['SD-G1'],
  recordedAt: `${over.decidedOn}T10:00:00.000Z`,
  ...over,
});

const planned = (over: Partial<PlannedEntry> & Pick<PlannedEntry, 'serviceId' | 'startsOn'>): PlannedEntry => ({
  organisationId: 'OVO1',
  year: 2026,
  version: 1,
  kind: 'new',
  name: 'Geplande dienst',
  targetGroups: ['burgers'],
  budgetEur: 900_000,
  submittedAt: '2026-01-20T09:00:00.000Z',
  ...over,
});

describe("the committee's agenda", () => {
  it('lists the significant services’ assessments with unmet criteria, decided in the period or pending', () => {
    // s2 (significant, pre with SD-G1 unmet) is decided in Q3; s1 and s4 are not significant: not on the agenda.
    const { committee } = buildReports(reportInput({ decisions: [decision({ assessmentId: 's2pre', decidedOn: '2026-08-20' })] }));
    expect([...committee.json.agenda].map((a) => [a.serviceId, a.phase, a.status, a.unmet, a.decisions.map((d) => d.decision)])).toEqual([
      ['s2', 'pre', 'decided', ['SD-G1'], ['accepted']],
    ]);
    // The page counts what the rows say (the model counts them apart from the rows, made only when written).
    expect(reportPage(committee)).toContain('1 toetsingen staan op de agenda van het 3e kwartaal van 2026; 0 wachten op een beslissing.');
    const q2 = buildReports(
      reportInput({ periodId: '2026-Q2', decisions: [decision({ assessmentId: 's2pre', decidedOn: '2026-08-20' })] }),
    );
    // In Q2 the decision had not been made yet: pending.
    expect([...q2.committee.json.agenda].map((a) => [a.serviceId, a.status])).toEqual([['s2', 'pending']]);
  });

  it('drops an assessment decided before the period, and names the derogations that expire in the next one', () => {
    const decisions = [
      decision({ assessmentId: 's2pre', decidedOn: '2026-05-10', decision: 'derogation', until: '2026-11-15' }),
      decision({ assessmentId: 's2pre', decidedOn: '2026-05-11', decisionId: 'long', decision: 'derogation', until: '2027-06-30' }),
    ];
    const { committee } = buildReports(reportInput({ decisions }));
    expect([...committee.json.agenda]).toEqual([]);
    expect(committee.json.expiring).toEqual([
      { organisationName: 'Departement Omgeving', serviceName: 'Grote dienst', criteria: ['SD-G1'], until: '2026-11-15' },
    ]);
    const page = reportPage(committee);
    expect(page).toContain('<li>Departement Omgeving / Grote dienst: SD-G1, tot 2026-11-15</li>');
  });

  it('shows a decision made after the period nowhere in that period’s report', () => {
    const { committee } = buildReports(
      reportInput({
        decisions: [decision({ assessmentId: 's2pre', decidedOn: '2026-10-02', decision: 'action_required', note: 'Later.' })],
      }),
    );
    expect([...committee.json.agenda].map((a) => a.status)).toEqual(['pending']);
    expect(JSON.stringify(committee.json)).not.toContain('Later.');
  });
});

describe('a yearly plan in the reports', () => {
  it('makes a planned service owe its pre from its start, and lists it in rework with no forecast yet', () => {
    const input = reportInput({ planned: [planned({ serviceId: 'nieuw', startsOn: '2026-08-01', goLiveOn: '2027-02-01' })] });
    const { public: pub, committee } = buildReports(input);
    expect(committee.json.owing).toContainEqual({
      organisationId: 'OVO1',
      organisationName: 'Departement Omgeving',
      serviceId: 'nieuw',
      name: 'Geplande dienst',
      owes: 'pre',
      since: '2026-08-01',
      planned: true,
    });
    expect(pub.json.inRework.find((s) => s.serviceId === 'nieuw')).toEqual({
      organisationId: 'OVO1',
      organisationName: 'Departement Omgeving',
      serviceId: 'nieuw',
      name: 'Geplande dienst',
      kind: 'new',
      startsOn: '2026-08-01',
      goLiveOn: '2027-02-01',
      forecast: null,
    });
    // Planned only: not an assessed service, so the band figures do not count it.
    expect(pub.json.assessments.services).toBe(4);
    expect(pub.json.assessments.owing).toBe(2);
  });

  it('takes go-live from the plan: the post is owed 90 days after it', () => {
    const input = reportInput({
      planned: [planned({ serviceId: 's2', name: 'Grote dienst', startsOn: '2026-01-10', goLiveOn: '2026-05-01' })],
    });
    const { committee } = buildReports(input);
    expect(committee.json.owing.filter((o) => o.serviceId === 's2')).toEqual([
      {
        organisationId: 'OVO1',
        organisationName: 'Departement Omgeving',
        serviceId: 's2',
        name: 'Grote dienst',
        owes: 'post',
        since: '2026-07-30',
        planned: true,
      },
    ]);
    expect(committee.json.goLiveUnknown.map((s) => s.serviceId)).toEqual([]);
  });

  it('does not count a plan for a later year yet, nor one that starts after the period', () => {
    const later = [
      planned({ serviceId: 'volgend-jaar', year: 2027, startsOn: '2027-02-01' }),
      planned({ serviceId: 'start-later', startsOn: '2026-11-01' }),
    ];
    const { public: pub, committee } = buildReports(reportInput({ planned: later }));
    expect(committee.json.owing.map((o) => o.serviceId)).toEqual(['s3']);
    expect(pub.json.inRework.map((s) => s.serviceId)).toEqual(['s2']);
  });
});

describe('promises and significance', () => {
  it('lists an unmet criterion whose promised date passed by the period’s end', () => {
    const list = answers({ 'SD-G1': 'no', 'SD-G2': 'no' }).map((a) =>
      a.criterionId === 'SD-G1' ? { ...a, plannedBy: '2026-09-01' } : a.criterionId === 'SD-G2' ? { ...a, plannedBy: '2026-12-01' } : a,
    );
    const extra = stored('p1', '2026-03-02T00:00:00.000Z', {
      organisationId: 'OVO1',
      serviceId: 'belofte',
      phase: 'pre',
      assessedOn: '2026-03-01',
      service: big,
      answers: list,
    });
    const { committee } = buildReports(reportInput({ assessments: [...reportAssessments(), extra] }));
    expect(committee.json.overdue).toEqual([
      {
        organisationId: 'OVO1',
        organisationName: 'Departement Omgeving',
        serviceId: 'belofte',
        serviceName: 'Grote dienst',
        phase: 'pre',
        criterionId: 'SD-G1',
        plannedBy: '2026-09-01',
      },
    ]);
    expect([...committee.json.explanations].find((x) => x.serviceId === 'belofte' && x.criterionId === 'SD-G2')?.plannedBy).toBe(
      '2026-12-01',
    );
  });

  it('names a service whose size nobody gave as of unknown significance, owing nothing', () => {
    const unknown = stored('u1', '2026-04-02T00:00:00.000Z', {
      organisationId: 'OVO1',
      serviceId: 'onbekend',
      phase: 'pre',
      assessedOn: '2026-04-01',
      service: { name: 'Onbekende omvang', targetGroups: ['burgers'], eloketten: [] },
    });
    const { committee, public: pub } = buildReports(reportInput({ assessments: [...reportAssessments(), unknown] }));
    expect(committee.json.significanceUnknown.map((s) => s.serviceId)).toEqual(['onbekend']);
    expect(pub.json.assessments).toMatchObject({ services: 5, significant: 2, significanceUnknown: 1, owing: 1 });
    expect(reportPage(committee)).toContain('<li>Departement Omgeving / Onbekende omvang</li>');
  });
});

describe('a period’s report is a function of what is dated by its end', () => {
  // Anything dated after 2026-Q3: assessments of existing and new services, decisions, plans for a later year.
  const later = fc.record({
    assessments: fc.array(
      fc.record({
        service: fc.constantFrom('s1', 's2', 's3', 's4', 'x9'),
        phase: fc.constantFrom('pre' as const, 'post' as const),
        day: fc.integer({ min: 1, max: 400 }),
        no: fc.subarray(['SD-G1', 'GC-I2', 'DH-G3', 'BT-I4']),
        measures: fc.record(
          {
            processSteps: fc.integer({ min: 1, max: 60 }),
            notifications: fc.boolean(),
            plainLanguageLevel: fc.constantFrom('A1', 'B1', 'C2'),
            wcagLevel: fc.constantFrom('none', 'A', 'AA', 'AAA'),
            singleSignOn: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        laterCatalog: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    decisions: fc.array(fc.record({ on: fc.constantFrom('s1pre', 's2pre', 's4post'), day: fc.integer({ min: 1, max: 400 }) }), {
      maxLength: 4,
    }),
    plans: fc.array(fc.record({ service: fc.constantFrom('s2', 'y1'), year: fc.constantFrom(2027, 2028) }), { maxLength: 3 }),
    catalog: fc.boolean(),
  });
  // A version the committee publishes after the period, with an indicator of its own.
  const laterCatalog: IndicatorCatalog = {
    version: '2026-12',
    publishedOn: '2026-12-01',
    indicators: [
      ...FIRST_INDICATOR_CATALOG.indicators,
      { id: 'statusTracking', label: 'Stand van zaken online', kind: 'yesno', criteria: ['GC-G4'] },
    ],
  };
  const after = (day: number) => new Date(Date.UTC(2026, 9, 1) + (day - 1) * 86_400_000).toISOString().slice(0, 10);

  it('gives the same bytes whatever is submitted later, dated after it', () => {
    const files = (r: ReturnType<typeof buildReports>) =>
      JSON.stringify([
        r.public.json,
        r.committee.json,
        reportPage(r.public),
        reportPage(r.committee),
        r.committee.sections.flatMap((s) => s.files(r.committee.page)),
      ]);
    const base = files(buildReports(reportInput()));
    fc.assert(
      fc.property(later, (l) => {
        const assessments = l.assessments.map((a, i) =>
          stored(`later-${i}`, `${after(a.day)}T12:00:00.000Z`, {
            organisationId: a.service === 'x9' ? 'OVO9' : a.service === 's3' || a.service === 's4' ? 'OVO2' : 'OVO1',
            serviceId: a.service,
            phase: a.phase,
            assessedOn: after(a.day),
            service: big,
            answers: answers(Object.fromEntries(a.no.map((id) => [id, 'no' as const]))),
            ...(a.laterCatalog && l.catalog
              ? { indicatorCatalogVersion: laterCatalog.version, measures: { ...a.measures, statusTracking: true } }
              : { measures: a.measures }),
          }),
        );
        const decisions = l.decisions.map((d, i) => decision({ assessmentId: d.on, decidedOn: after(d.day), decisionId: `later-${i}` }));
        const plans = l.plans.map((p) => planned({ serviceId: p.service, year: p.year, startsOn: `${p.year}-01-15` }));
        return (
          files(
            buildReports(
              reportInput({
                assessments: [...reportAssessments(), ...assessments],
                decisions,
                planned: plans,
                ...(l.catalog ? { indicatorCatalogs: allCatalogs([laterCatalog]) } : {}),
              }),
            ),
          ) === base
        );
      }),
      { numRuns: 60 },
    );
  });

  // The feedback instrument and the yearly report's facts: form months, providers' aggregates (any
  // period that ends after the report's), comments, maturity scans, status changes and plans.
  const ratings = fc.tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 30 }))) as fc.Arbitrary<
    [number, number, number, number, number]
  >;
  const laterFeedback = (years: number[]) =>
    fc.record({
      forms: fc.array(fc.record({ service: fc.constantFrom('s1', 's2', 's3', 'x9'), months: fc.integer({ min: 1, max: 14 }), ratings }), {
        maxLength: 4,
      }),
      aggregates: fc.array(
        fc.record({
          service: fc.constantFrom('s1', 's3', 'x9'),
          // a quarter, a month or a year that ends after the report's period (shifted from its first one)
          kind: fc.constantFrom('quarter', 'month', 'year'),
          steps: fc.integer({ min: 0, max: 5 }),
          ratings,
        }),
        { maxLength: 4 },
      ),
      comments: fc.array(fc.record({ service: fc.constantFrom('s1', 's3'), day: fc.integer({ min: 1, max: 400 }), form: fc.boolean() }), {
        maxLength: 4,
      }),
      scans: fc.array(fc.record({ org: fc.constantFrom('OVO1', 'OVO2'), year: fc.constantFrom(...years) }), { maxLength: 2 }),
      status: fc.array(fc.record({ action: fc.integer({ min: 1, max: 21 }), day: fc.integer({ min: 1, max: 400 }) }), { maxLength: 3 }),
      plans: fc.array(fc.record({ org: fc.constantFrom('OVO1', 'OVO2', 'OVO9'), year: fc.constantFrom(...years) }), { maxLength: 2 }),
    });
  type LaterFeedback = ReturnType<typeof laterFeedback> extends fc.Arbitrary<infer T> ? T : never;
  const org = (service: string) => (service === 'x9' ? 'OVO9' : service === 's3' ? 'OVO2' : 'OVO1');
  const dayAfter = (end: string, day: number) => new Date(Date.parse(`${end}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
  const monthAfter = (end: string, n: number) => {
    const [y, m] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
    const i = y * 12 + m - 1 + n;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  };
  /** A period of the kind that starts in the month `steps` months after `end`: it ends after `end` too. */
  const periodAfter = (end: string, kind: string, steps: number) => {
    const month = monthAfter(end, 1 + steps);
    if (kind === 'month') return month;
    if (kind === 'year') return month.slice(0, 4) > end.slice(0, 4) ? month.slice(0, 4) : String(Number(end.slice(0, 4)) + 1);
    return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  };

  /** The facts of a base input and those dated after its period's end, together. */
  function withLater(base: ReturnType<typeof reportInput>, end: string, l: LaterFeedback) {
    return {
      ...base,
      feedback: [
        ...base.feedback,
        ...l.forms.map((f) => formMonth(org(f.service), f.service, monthAfter(end, f.months), f.ratings)),
        ...l.aggregates.map((a, i) => aggregateOf(org(a.service), a.service, periodAfter(end, a.kind, a.steps), a.ratings, {}, 10 + i)),
      ],
      comments: [
        ...base.comments,
        ...l.comments.map((c) =>
          c.form
            ? formComment(org(c.service), c.service, dayAfter(end, c.day), 1, `Later ${c.day}`)
            : aggregateComment(org(c.service), c.service, periodAfter(end, 'month', c.day % 12), dayAfter(end, c.day), `Later ${c.day}`),
        ),
      ],
      maturity: [
        ...base.maturity,
        ...l.scans.map((m): MaturityScanFact => ({
          organisationId: m.org,
          year: m.year,
          submittedAt: `${m.year}-02-01T00:00:00.000Z`,
          themes: { dienstverlening: { current: 'initiatie', ambition: 'transformatie' } },
        })),
      ],
      statusChanges: [
        ...base.statusChanges,
        ...l.status.map((c) => statusChange({ action: c.action }, 'afgerond', dayAfter(end, c.day), 'Later.')),
      ],
      plans: [
        ...base.plans,
        ...l.plans.map((p): PlanHead => ({ organisationId: p.org, year: p.year, submittedAt: `${p.year}-01-02T00:00:00.000Z` })),
      ],
    };
  }

  const withFeedback = (periodId: string) =>
    reportInput({
      periodId,
      feedback: [
        formMonth('OVO1', 's1', '2026-07', [0, 0, 1, 4, 5], { yes: 6 }),
        aggregateOf('OVO1', 's1', '2026-Q3', [1, 1, 2, 3, 3]),
        aggregateOf('OVO2', 's3', '2026-08', [2, 2, 2, 2, 2]),
        formMonth('OVO1', 's2', '2026-02', [0, 1, 1, 1, 0]),
      ],
      comments: [formComment('OVO1', 's1', '2026-07-03', 5, 'Vlot.'), aggregateComment('OVO2', 's3', '2026-08', '2026-09-02', 'Goed.')],
      plans: [{ organisationId: 'OVO1', year: 2026, submittedAt: '2026-01-20T09:00:00.000Z' }],
      maturity: [
        {
          organisationId: 'OVO1',
          year: 2026,
          submittedAt: '2026-03-01T00:00:00.000Z',
          themes: { dienstverlening: { current: 'basis', ambition: 'integratie' } },
        },
      ],
      themes: [{ themeId: 'dienstverlening', name: 'Dienstverlening' }],
      statusChanges: [statusChange({ action: 14 }, 'lopend', '2026-03-10', 'Gestart.')],
    });

  it.each([
    ['2026-Q3', '2026-09-30', [2026, 2027]],
    ['2026', '2026-12-31', [2027, 2028]],
  ] as const)(
    'gives %s the same bytes whatever feedback, comment, scan, status change or plan is dated after it',
    (periodId, end, years) => {
      const files = (r: ReturnType<typeof buildReports>) =>
        JSON.stringify([
          r.public.json,
          r.committee.json,
          reportPage(r.public),
          reportPage(r.committee),
          r.public.sections.flatMap((s) => s.files(r.public.page)),
          r.committee.sections.flatMap((s) => s.files(r.committee.page)),
        ]);
      const base = withFeedback(periodId);
      const built = buildReports(base);
      // The feedback and yearly sections have something to show, so a later fact could change them.
      expect(built.public.json.feedback.all.status).toBe('enough');
      expect(built.committee.json.comments.length).toBeGreaterThan(0);
      const bytes = files(built);
      fc.assert(
        fc.property(laterFeedback([...years]), (l) => files(buildReports(withLater(base, end, l))) === bytes),
        { numRuns: 40 },
      );
    },
  );
});
