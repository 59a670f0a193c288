// The yearly report of seed §3.2 in a year's reports, built in memory from
// hand-made data: per provider its plan and whether the assessments came in
// and which are owed, its feedback and maturity scan; the providers without a
// plan; the committee's decisions of the year (public: counted, never a note);
// the action plan's progress (notes in the committee's report only). For a
// quarter the yearly sections say they do not apply and stay off the page.
import { describe, expect, it } from 'vitest';
import type { PlannedEntry } from '../../shared/domain/as-of.js';
import type { DecisionFact } from '../../shared/domain/lifecycle/agenda.js';
import type { Organisation } from '../../shared/domain/organisations.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports, type Report } from '../../shared/domain/report/report-model.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import { big, formComment, formMonth, aggregateOf, reportAssessments, reportInput, statusChange, stored } from '../support/report-input.js';

const org = (organisationId: string, name: string): [string, Organisation] => [
  organisationId,
  { organisationId, name, kind: 'agency', policyDomain: 'Omgeving' },
];
const ORGANISATIONS = new Map([
  org('OVO1', 'Departement Omgeving'),
  org('OVO2', 'Agentschap Twee'),
  org('OVO3', 'Agentschap Drie'),
  org('OVO4', 'Agentschap Vier'),
  org('OVO5', 'Agentschap Vijf'),
]);

const plannedEntry = (over: Partial<PlannedEntry> & Pick<PlannedEntry, 'serviceId' | 'kind' | 'name' | 'startsOn'>): PlannedEntry => ({
  organisationId: 'OVO1',
  year: 2026,
  version: 1,
  targetGroups: ['burgers'],
  submittedAt: '2026-01-20T09:00:00.000Z',
  ...over,
});

const decision = (
  decisionId: string,
  decidedOn: string,
  kind: DecisionFact['decision'],
  note?: string,
): DecisionFact & { recordedAt: string } => ({
  decisionId,
  assessmentId: 's2pre',
  organisationId: 'OVO1',
  serviceId: 's2',
  decision: kind,
  criteria: ['SD-G1'],
  ...(kind === 'derogation' ? { until: '2027-06-30' } : {}),
  ...(note ? { note } : {}),
  decidedOn,
  recordedAt: `${decidedOn}T10:00:00.000Z`,
});

const NOTE = 'Leg een plan voor tegen juni.';
const STATUS_NOTE = 'Het formulier staat online.';

/** The year 2026, with facts dated in it, before it and after it. */
const yearInput = (periodId = '2026') =>
  reportInput({
    periodId,
    assessments: [
      ...reportAssessments(),
      // OVO4 assessed in 2025 (the year before) and OVO3 only in 2024; OVO5 sent an empty plan
      stored('o4', '2025-05-02T00:00:00.000Z', {
        organisationId: 'OVO4',
        serviceId: 'oud',
        phase: 'pre',
        assessedOn: '2025-05-01',
        service: big,
      }),
      stored('o3', '2024-05-02T00:00:00.000Z', {
        organisationId: 'OVO3',
        serviceId: 'ouder',
        phase: 'pre',
        assessedOn: '2024-05-01',
        service: big,
      }),
      stored('o5', '2026-02-02T00:00:00.000Z', {
        organisationId: 'OVO5',
        serviceId: 'leeg',
        phase: 'post',
        assessedOn: '2026-02-01',
        service: big,
      }),
    ],
    planned: [
      plannedEntry({
        serviceId: 's2',
        kind: 'rework',
        name: 'Grote dienst',
        budgetEur: 900_000,
        startsOn: '2026-01-10',
        goLiveOn: '2026-05-01',
      }),
      plannedEntry({ serviceId: 'nieuw', kind: 'new', name: 'Nieuwe dienst', expectedUsers: 200_000, startsOn: '2026-09-01' }),
      // OVO2's plan is for 2025 only, and OVO1's for 2027 is dated after the year
      plannedEntry({ organisationId: 'OVO2', year: 2025, serviceId: 's3', kind: 'rework', name: 'Grote dienst', startsOn: '2025-03-01' }),
      plannedEntry({ year: 2027, serviceId: 'later', kind: 'new', name: 'Later', startsOn: '2027-02-01', budgetEur: 900_000 }),
    ],
    plans: [
      { organisationId: 'OVO1', year: 2026, submittedAt: '2026-01-20T09:00:00.000Z' },
      { organisationId: 'OVO2', year: 2025, submittedAt: '2025-01-20T09:00:00.000Z' },
      { organisationId: 'OVO5', year: 2026, submittedAt: '2026-01-25T09:00:00.000Z' },
      { organisationId: 'OVO1', year: 2027, submittedAt: '2027-01-20T09:00:00.000Z' },
    ],
    organisations: ORGANISATIONS,
    feedback: [
      formMonth('OVO1', 's1', '2026-07', [0, 0, 1, 4, 5]),
      formMonth('OVO1', 's2', '2026-03', [0, 0, 1, 1, 1]),
      aggregateOf('OVO2', 's3', '2026-Q1', [0, 0, 0, 5, 5]),
    ],
    comments: [formComment('OVO1', 's1', '2026-07-03', 5, 'Vlot geregeld.')],
    maturity: [
      {
        organisationId: 'OVO1',
        year: 2026,
        submittedAt: '2026-03-01T10:00:00.000Z',
        themes: {
          dienstverlening: { current: 'basis', ambition: 'integratie' },
          data: { current: 'ontwikkeling', ambition: 'ontwikkeling' },
        },
      },
      {
        organisationId: 'OVO2',
        year: 2025,
        submittedAt: '2025-03-01T10:00:00.000Z',
        themes: { data: { current: 'initiatie', ambition: 'basis' } },
      },
      {
        organisationId: 'OVO2',
        year: 2027,
        submittedAt: '2027-03-01T10:00:00.000Z',
        themes: { data: { current: 'basis', ambition: 'basis' } },
      },
    ],
    themes: [{ themeId: 'dienstverlening', name: 'Dienstverlening' }],
    decisions: [
      decision('d0', '2025-12-20', 'derogation'),
      decision('d1', '2026-03-01', 'accepted'),
      decision('d2', '2026-05-02', 'action_required', NOTE),
      decision('d3', '2026-12-31', 'derogation'),
      decision('d4', '2027-01-02', 'action_required', 'Na het jaar.'),
    ],
    statusChanges: [
      statusChange({ action: 14 }, 'lopend', '2025-06-01'),
      statusChange({ action: 14 }, 'afgerond', '2026-03-10', STATUS_NOTE),
      statusChange({ supportTool: 'feedbackinstrument' }, 'in ontwikkeling', '2026-02-01'),
      statusChange({ supportTool: 'feedbackinstrument' }, 'ontwikkeld', '2026-11-02'),
      statusChange({ action: 1 }, 'afgerond', '2027-01-05', 'Na het jaar.'),
    ],
  });

const year = buildReports(yearInput());
const files = (report: Report<Audience>) =>
  Object.fromEntries(report.sections.flatMap((s) => s.files(report.page)).map((f) => [f.name, f.body]));
const sectionOf = (page: string, id: string) => {
  const from = page.indexOf(`<h2 id="${id}"`);
  return from < 0 ? '' : page.slice(from, page.indexOf('<h2 ', from + 1));
};

describe('the yearly report per provider', () => {
  const providers = year.public.json.providers!;

  it('lists the providers with anything in the year: a plan, an assessment, feedback, a scan or an assessment owed', () => {
    expect(providers.map((p) => [p.organisationId, p.plan === null ? 'no plan' : p.plan.length, p.assessedInYear, p.owing.length])).toEqual(
      [
        ['OVO1', 2, 3, 2],
        ['OVO2', 'no plan', 2, 1],
        // its one service is significant and was assessed after its rework only: it owes its pre
        ['OVO5', 0, 1, 1],
      ],
    );
  });

  it('gives each planned service, whether its assessments came in and what it owes at the year’s end (the one owed rule)', () => {
    expect(providers[0]!.plan).toEqual([
      {
        serviceId: 'nieuw',
        name: 'Nieuwe dienst',
        kind: 'new',
        startsOn: '2026-09-01',
        goLiveOn: null,
        significance: true,
        pre: null,
        post: null,
        owes: [{ phase: 'pre', since: '2026-09-01' }],
        goLiveUnknown: true,
      },
      {
        serviceId: 's2',
        name: 'Grote dienst',
        kind: 'rework',
        startsOn: '2026-01-10',
        goLiveOn: '2026-05-01',
        significance: true,
        pre: '2026-02-05',
        post: null,
        // go-live 2026-05-01 + 90 days
        owes: [{ phase: 'post', since: '2026-07-30' }],
        goLiveUnknown: false,
      },
    ]);
    // OVO2 planned nothing for 2026; its s3, in its 2025 plan, owes its pre from the start planned then
    expect(providers[1]!.owing).toEqual([{ serviceId: 's3', name: 'Grote dienst', owes: 'pre', since: '2025-03-01' }]);
  });

  it('gives the feedback each provider received over its services, a ratio of sums', () => {
    // OVO1: s1 [0,0,1,4,5] and s2 [0,0,1,1,1] → 11 of 13
    expect(providers[0]!.feedback.all).toMatchObject({ status: 'enough', responses: 13, satisfaction: 11 / 13 });
    expect(providers[0]!.feedback.services.map((s) => [s.serviceId, s.feedback.status])).toEqual([
      ['s1', 'enough'],
      ['s2', 'too_few'],
    ]);
    expect(providers[0]!.comments).toBe(1);
    expect(providers[2]!.feedback).toEqual({ all: { status: 'no_data' }, services: [] });
  });

  it('gives the maturity scan of the year: current level against ambition per theme', () => {
    expect(providers[0]!.maturity).toEqual({
      submittedAt: '2026-03-01T10:00:00.000Z',
      themes: [
        { themeId: 'data', name: 'data', current: 'ontwikkeling', ambition: 'ontwikkeling', steps: 0 },
        { themeId: 'dienstverlening', name: 'Dienstverlening', current: 'basis', ambition: 'integratie', steps: 2 },
      ],
    });
    // OVO2 scanned 2025 and 2027, not 2026
    expect(providers[1]!.maturity).toBeNull();
    expect(files(year.public)['maturiteit.csv']).toBe(
      [
        'jaar,organisatie,organisatie_naam,thema,thema_naam,huidig,ambitie,stappen',
        '2026,OVO1,Departement Omgeving,data,data,ontwikkeling,ontwikkeling,0',
        '2026,OVO1,Departement Omgeving,dienstverlening,Dienstverlening,basis,integratie,2',
        '',
      ].join('\r\n'),
    );
  });

  it('shows each provider on both pages; the committee’s links to its users’ comments', () => {
    const pub = sectionOf(reportPage(year.public), 'dienstverleners');
    const com = sectionOf(reportPage(year.committee), 'dienstverleners');
    expect(pub).toContain(
      '<tr><th scope="row">Departement Omgeving</th><td class="text">1 nieuw, 1 vernieuwing</td><td>3</td><td>2</td><td>13</td><td>84,6 %</td><td>ja</td></tr>',
    );
    expect(pub).toContain('<p>Agentschap Twee stuurde geen jaarplan voor 2026.</p>');
    expect(pub).toContain('<p>Het jaarplan voor 2026 vermeldt geen nieuwe of te vernieuwen diensten.</p>');
    expect(pub).toContain(
      '<tr><th scope="row">Grote dienst</th><td>vernieuwing</td><td>2026-01-10</td><td>2026-05-01</td><td>2026-02-05</td><td>nog niet</td><td class="text">toetsing na sinds 2026-07-30</td></tr>',
    );
    expect(pub).not.toContain('opmerking');
    expect(com).toContain('<p><a href="#opmerkingen-OVO1">1 opmerking van gebruikers</a></p>');
    expect(reportPage(year.committee)).toContain('<tr id="opmerkingen-OVO1">');
  });
});

describe('the providers without a plan', () => {
  it('are the registered organisations with an assessment dated in the year or the one before, and no plan for the year', () => {
    // OVO1 and OVO5 (an empty plan is a plan) sent one; OVO3 assessed only in 2024
    expect(year.public.json.withoutPlan).toEqual([
      { organisationId: 'OVO2', organisationName: 'Agentschap Twee', lastAssessedOn: '2026-08-05' },
      { organisationId: 'OVO4', organisationName: 'Agentschap Vier', lastAssessedOn: '2025-05-01' },
    ]);
  });

  it('leave out an organisation that is not registered', () => {
    const organisations = new Map([...ORGANISATIONS].filter(([id]) => id !== 'OVO4'));
    expect(buildReports({ ...yearInput(), organisations }).public.json.withoutPlan!.map((p) => p.organisationId)).toEqual(['OVO2']);
  });
});

describe('the committee’s decisions of the year', () => {
  it('are counted per kind in the public report, without a note anywhere in its files', () => {
    expect(year.public.json.yearDecisions).toEqual({
      counts: { accepted: 1, derogation: 1, action_required: 1, total: 3, services: 1 },
    });
    const everything = JSON.stringify([year.public.json, reportPage(year.public), files(year.public)]);
    expect(everything).not.toContain(NOTE);
    expect(everything).not.toContain(STATUS_NOTE);
    expect(sectionOf(reportPage(year.public), 'beslissingen')).toContain(
      '<p>In 2026 nam het Stuurorgaan 3 beslissingen over toetsingen van 1 dienst.</p>',
    );
  });

  it('are listed with their notes in the committee report', () => {
    expect(year.committee.json.yearDecisionList!.map((d) => [d.decidedOn, d.decision, d.phase, d.until, d.note])).toEqual([
      ['2026-03-01', 'accepted', 'pre', null, null],
      ['2026-05-02', 'action_required', 'pre', null, NOTE],
      ['2026-12-31', 'derogation', 'pre', '2027-06-30', null],
    ]);
    expect(files(year.committee)['beslissingen.csv']).toContain(
      `2026,2026-05-02,OVO1,Departement Omgeving,s2,Grote dienst,pre,action_required,SD-G1,,${NOTE}\r\n`,
    );
  });
});

describe('the action plan', () => {
  const plan = year.public.json.actionPlan!;

  it('gives each action’s and tool’s status at the year’s start and end, with the changes of the year', () => {
    expect(plan.actions.find((a) => a.id === '14')).toMatchObject({
      atStart: 'lopend',
      atEnd: 'afgerond',
      since: '2026-03-10',
      changes: [{ recordedOn: '2026-03-10', from: 'lopend', to: 'afgerond' }],
    });
    // A change after the year does not count yet: the seed's first status stands.
    expect(plan.actions.find((a) => a.id === '1')).toMatchObject({ atStart: 'lopend', atEnd: 'lopend', since: null, changes: [] });
    expect(plan.supportTools.find((t) => t.id === 'feedbackinstrument')).toMatchObject({
      atStart: 'te ontwikkelen',
      atEnd: 'ontwikkeld',
      changes: [
        { recordedOn: '2026-02-01', from: 'te ontwikkelen', to: 'in ontwikkeling' },
        { recordedOn: '2026-11-02', from: 'in ontwikkeling', to: 'ontwikkeld' },
      ],
    });
    expect(plan.actions).toHaveLength(21);
    expect(plan.counts.actions.atEnd.afgerond - plan.counts.actions.atStart.afgerond).toBe(1);
    expect(plan.counts.supportTools.atEnd.ontwikkeld - plan.counts.supportTools.atStart.ontwikkeld).toBe(1);
  });

  it('shows the committee’s notes in its own report only', () => {
    expect(year.committee.json.statusNotes).toEqual([
      { recordedOn: '2026-03-10', subject: 'Actie 14. Ontwikkelen van een feedbackinstrument', status: 'afgerond', note: STATUS_NOTE },
    ]);
    expect(sectionOf(reportPage(year.committee), 'actieplan-notities')).toContain(`<td class="text">${STATUS_NOTE}</td>`);
    expect(JSON.stringify(year.committee.json)).not.toContain('Na het jaar.');
  });
});

describe('a quarter’s reports', () => {
  const quarter = buildReports(yearInput('2026-Q4'));
  const yearly = ['dienstverleners', 'zonder-jaarplan', 'beslissingen', 'beslissingen-lijst', 'actieplan', 'actieplan-notities'];

  it('hold no yearly report: its fields say so, and its sections are neither on the page nor among the files', () => {
    expect([
      quarter.public.json.providers,
      quarter.public.json.withoutPlan,
      quarter.public.json.yearDecisions,
      quarter.public.json.actionPlan,
    ]).toEqual([null, null, null, null]);
    expect([quarter.committee.json.yearDecisionList, quarter.committee.json.statusNotes]).toEqual([null, null]);
    for (const r of [quarter.public, quarter.committee]) {
      const ids = r.sections.map((s) => s.section.id);
      for (const id of yearly) expect(ids).not.toContain(id);
      expect(reportPage(r)).not.toContain('<h2 id="dienstverleners"');
      expect(Object.keys(files(r))).not.toContain('jaarplannen.csv');
    }
  });

  it('while a year’s reports show every yearly section in page order, after the key figures', () => {
    const headings = (page: string) => [...page.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(headings(reportPage(year.public)).slice(0, 5)).toEqual([
      'kort',
      'dienstverleners',
      'zonder-jaarplan',
      'beslissingen',
      'actieplan',
    ]);
    expect(headings(reportPage(year.committee)).slice(0, 7)).toEqual([
      'kort',
      'dienstverleners',
      'zonder-jaarplan',
      'beslissingen',
      'beslissingen-lijst',
      'actieplan',
      'actieplan-notities',
    ]);
    expect(Object.keys(files(year.public))).toEqual(
      expect.arrayContaining(['dienstverleners.csv', 'jaarplannen.csv', 'maturiteit.csv', 'acties.csv', 'hulpmiddelen.csv']),
    );
    expect(Object.keys(files(year.public))).not.toContain('beslissingen.csv');
    expect(Object.keys(files(year.public))).not.toContain('actieplan-notities.csv');
  });
});
