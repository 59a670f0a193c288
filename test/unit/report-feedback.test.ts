// The users' feedback in a period's reports, built in memory from hand-made
// tallies and comments: satisfaction per service and over all services (a
// ratio of sums over both sources, rolled up as counts are), "te weinig
// reacties" below 10, no_data without any, the evolution over eight quarters,
// and the comments in the committee's report only.
import { describe, expect, it } from 'vitest';
import { feedbackQuarters, type FeedbackTallyRow } from '../../shared/domain/report/feedback-input.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports, type Report } from '../../shared/domain/report/report-model.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { aggregateComment, aggregateOf, formComment, formMonth, reportInput } from '../support/report-input.js';

const feedback = [
  // s1: both sources — a form month (10 responses) and the provider's quarter (version 2 stands)
  formMonth('OVO1', 's1', '2026-07', [0, 0, 1, 4, 5], { yes: 6, partly: 2, no: 1 }),
  aggregateOf('OVO1', 's1', '2026-Q3', [1, 1, 2, 3, 3], { yes: 5, no: 5 }, 2),
  aggregateOf('OVO1', 's1', '2026-Q2', [0, 0, 0, 0, 10]),
  // s2: 3 responses in the quarter (too few), 5 in an earlier one
  formMonth('OVO1', 's2', '2026-08', [0, 1, 1, 1, 0]),
  formMonth('OVO1', 's2', '2025-02', [0, 0, 0, 5, 0]),
  // s3: the provider reported two months of the quarter, not the quarter: summed
  aggregateOf('OVO2', 's3', '2026-07', [0, 0, 0, 5, 5]),
  aggregateOf('OVO2', 's3', '2026-08', [2, 2, 2, 2, 2]),
  // dated after 2026-Q3: a form month, a quarter and the year
  formMonth('OVO1', 's1', '2026-10', [50, 0, 0, 0, 0]),
  aggregateOf('OVO2', 's3', '2026-Q4', [9, 9, 9, 9, 9]),
  aggregateOf('OVO1', 's1', '2026', [100, 0, 0, 0, 0]),
];

const COMMENTS = [
  formComment('OVO1', 's1', '2026-07-03', 5, 'Vlot: [e-mailadres]'),
  aggregateComment('OVO1', 's1', '2026-Q3', '2026-10-02', 'Te veel stappen.\nEn <traag>.'),
  aggregateComment('OVO2', 's3', '2026-07', '2026-08-01', 'Goed.'),
  // not about 2026-Q3: given after it, reported for a later quarter, given before it
  formComment('OVO1', 's1', '2026-10-05', 1, 'Na het kwartaal.'),
  aggregateComment('OVO2', 's3', '2026-Q4', '2027-01-03', 'Volgend kwartaal.'),
  formComment('OVO1', 's2', '2026-06-30', 2, 'Vorig kwartaal.'),
];

const reports = buildReports(reportInput({ feedback, comments: COMMENTS }));
const files = (report: Report<Audience>) =>
  Object.fromEntries(report.sections.flatMap((s) => s.files(report.page)).map((f) => [f.name, f.body]));
const sectionOf = (page: string, id: string) => {
  const from = page.indexOf(`<h2 id="${id}"`);
  return page.slice(from, page.indexOf('<h2 ', from + 1));
};

describe('satisfaction in the public report', () => {
  it('is per service the share of scores 4 and 5 over both sources, the mean beside it, and the responses', () => {
    const [s1, s2, s3] = reports.public.json.feedback.services;
    expect(s1).toEqual({
      organisationId: 'OVO1',
      organisationName: 'Departement Omgeving',
      serviceId: 's1',
      name: 'Kleine dienst',
      // [1,1,3,7,8]: 15 of 20 gave 4 or 5; (1+2+9+28+40)/20; 11 yes of 19 found-it answers
      feedback: {
        status: 'enough',
        responses: 20,
        satisfaction: 0.75,
        meanRating: 4,
        foundItShare: 11 / 19,
        ratings: { '1': 1, '2': 1, '3': 3, '4': 7, '5': 8 },
        foundIt: { yes: 11, partly: 2, no: 6, answers: 19 },
      },
      sources: { form: 10, aggregate: { status: 'reported', version: 2, responses: 10 } },
    });
    expect(s3!.feedback).toMatchObject({ status: 'enough', responses: 20, satisfaction: 0.7, meanRating: 3.75, foundItShare: null });
    expect(s3!.sources.aggregate).toEqual({
      status: 'derived',
      derivedFrom: 'months',
      subPeriodsReported: 2,
      subPeriods: 3,
      responses: 20,
    });
    expect(s2!.feedback).toEqual({ status: 'too_few', responses: 3, label: 'te weinig reacties' });
  });

  it('is over all services a ratio of the sums, never an average of the services’ shares', () => {
    // [3,4,6,15,15]: 30 of 43; the mean of the three services' shares would be another number
    expect(reports.public.json.feedback.all).toMatchObject({
      status: 'enough',
      responses: 43,
      satisfaction: 30 / 43,
      meanRating: 164 / 43,
    });
    expect(reports.public.json.feedback.servicesWithout).toBe(1);
    const page = reportPage(reports.public);
    expect(page).toContain(
      '<li><strong>69,8 %</strong> van de gebruikers is tevreden (score 4 of 5), over alle diensten in het 3e kwartaal van 2026</li>',
    );
    expect(page).toContain('<li><strong>57,9 %</strong> vond wat hij of zij zocht</li>');
    expect(page).toContain('<p class="note">1 andere dienst kreeg geen reacties in het 3e kwartaal van 2026 (geen gegevens).</p>');
  });

  it('says "te weinig reacties" below 10 responses, never a figure, on the page and in the CSV', () => {
    const section = sectionOf(reportPage(reports.public), 'tevredenheid');
    expect(section).toContain(
      '<tr><th scope="row">Grote dienst<br><span class="note">Departement Omgeving</span></th><td>3</td><td>te weinig reacties</td><td>te weinig reacties</td><td>te weinig reacties</td></tr>',
    );
    expect(files(reports.public)['tevredenheid.csv']).toBe(
      [
        'periode,organisatie,organisatie_naam,dienst,dienst_naam,status,reacties,tevredenheid,gemiddelde_score,gevonden_aandeel,reacties_formulier,eigen_instrument',
        `2026-Q3,OVO1,Departement Omgeving,s1,Kleine dienst,enough,20,0.75,4,${11 / 19},10,reported`,
        '2026-Q3,OVO1,Departement Omgeving,s2,Grote dienst,too_few,3,,,,3,no_data',
        '2026-Q3,OVO2,OVO2,s3,Grote dienst,enough,20,0.7,3.75,,0,derived',
        `2026-Q3,,,,alle diensten,enough,43,${30 / 43},${164 / 43},${11 / 19},,`,
        '',
      ].join('\r\n'),
    );
  });

  it('is no_data without any response, never 0', () => {
    const empty = buildReports(reportInput());
    expect(empty.public.json.feedback).toMatchObject({ services: [], all: { status: 'no_data' }, servicesWithout: 4 });
    const section = sectionOf(reportPage(empty.public), 'tevredenheid');
    expect(section).toContain('<li><strong>geen gegevens</strong> van de gebruikers is tevreden');
    expect(section).toContain('<li><strong>geen gegevens</strong> reacties</li>');
    expect(section).toContain('<p>Geen reacties in het 3e kwartaal van 2026.</p>');
    expect(section).not.toMatch(/<td>0<\/td>/);
  });

  it('shows its evolution over the eight quarters up to the period, each quarter rolled up the same way', () => {
    expect(
      reports.public.json.feedback.evolution.map((e) => [
        e.quarter,
        e.feedback.status,
        'responses' in e.feedback ? e.feedback.responses : null,
      ]),
    ).toEqual([
      ['2024-Q4', 'no_data', null],
      ['2025-Q1', 'too_few', 5],
      ['2025-Q2', 'no_data', null],
      ['2025-Q3', 'no_data', null],
      ['2025-Q4', 'no_data', null],
      ['2026-Q1', 'no_data', null],
      ['2026-Q2', 'enough', 10],
      ['2026-Q3', 'enough', 43],
    ]);
    expect(files(reports.public)['tevredenheid-kwartalen.csv']).toContain('\r\n2026-Q2,enough,10,1,5,\r\n');
    const section = sectionOf(reportPage(reports.public), 'tevredenheid');
    expect(section).toContain(
      'aria-label="Aandeel tevreden gebruikers over alle diensten per kwartaal: K4 2024 geen gegevens, K1 2025 te weinig reacties',
    );
    expect(section).toContain('<tr><th scope="row">Tevreden (4 of 5)</th><td>geen gegevens</td><td>te weinig reacties</td>');
  });

  it('ends the evolution with the last quarter that ended by the period’s end', () => {
    const quarters = (id: string) => feedbackQuarters(parsePeriod(id)!);
    expect(quarters('2026-Q3')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quarters('2026-08').at(-1)).toBe('2026-Q2');
    expect(quarters('2026-09').at(-1)).toBe('2026-Q3');
    expect(quarters('2026')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('counts a month of the period, and a month after it nowhere', () => {
    const august = buildReports(reportInput({ periodId: '2026-08', feedback }));
    // s2's August and s3's August aggregate; not s1's quarter (it ends after August)
    expect(august.public.json.feedback.services.map((s) => [s.serviceId, 'responses' in s.feedback ? s.feedback.responses : 0])).toEqual([
      ['s2', 3],
      ['s3', 10],
    ]);
  });
});

describe('comments in the committee report', () => {
  it('are the period’s, per service, newest first, as stored (masked), with their line breaks', () => {
    expect(reports.committee.json.comments).toEqual([
      {
        organisationId: 'OVO1',
        organisationName: 'Departement Omgeving',
        serviceId: 's1',
        serviceName: 'Kleine dienst',
        comments: [
          { source: 'aggregate', receivedOn: '2026-10-02', period: '2026-Q3', rating: null, text: 'Te veel stappen.\nEn <traag>.' },
          { source: 'form', receivedOn: '2026-07-03', period: null, rating: 5, text: 'Vlot: [e-mailadres]' },
        ],
        total: 2,
      },
      {
        organisationId: 'OVO2',
        organisationName: 'OVO2',
        serviceId: 's3',
        serviceName: 'Grote dienst',
        comments: [{ source: 'aggregate', receivedOn: '2026-08-01', period: '2026-07', rating: null, text: 'Goed.' }],
        total: 1,
      },
    ]);
    const section = sectionOf(reportPage(reports.committee), 'opmerkingen');
    expect(section).toContain(
      '<tr id="opmerkingen-OVO1"><th scope="row">Departement Omgeving / Kleine dienst</th><td class="text">eigen feedbackinstrument, over 2026-Q3</td><td>2026-10-02</td><td>—</td><td class="text">Te veel stappen.<br>En &lt;traag&gt;.</td></tr>',
    );
    expect(files(reports.committee)['opmerkingen.csv']).toContain(
      '2026-Q3,OVO1,Departement Omgeving,s1,Kleine dienst,form,,2026-07-03,5,Vlot: [e-mailadres]\r\n',
    );
  });

  it('never reach a public file: not report.json, not the page, not a CSV', () => {
    const everything = JSON.stringify([reports.public.json, reportPage(reports.public), files(reports.public)]);
    for (const c of COMMENTS) expect(everything).not.toContain(c.text.split('\n')[0]);
    expect(reports.public.sections.map((s) => s.section.id)).not.toContain('opmerkingen');
  });

  it('show at most 500 per service, and say how many more there are', () => {
    const many = Array.from({ length: 502 }, (_, i) =>
      formComment('OVO1', 's1', `2026-08-${String(1 + (i % 28)).padStart(2, '0')}`, 3, `Opmerking ${i}`),
    );
    const { committee } = buildReports(reportInput({ feedback, comments: many }));
    expect(committee.json.comments[0]!.comments).toHaveLength(500);
    expect(committee.json.comments[0]!.total).toBe(502);
    expect(sectionOf(reportPage(committee), 'opmerkingen')).toContain(
      '<td colspan="4" class="text">en nog 2 oudere opmerkingen: lees ze via GET /v1/feedback/OVO1/s1</td>',
    );
  });
});

describe('what the reports rest on', () => {
  it('names the newest feedback submission among what the period shows', () => {
    // s3's August aggregate was submitted on 2026-08-31; the counts' newest is 2026-10-02 (reportEloketten)
    const late = {
      ...aggregateOf('OVO1', 's1', '2026-Q3', [0, 0, 0, 0, 10], {}, 3),
      submittedAt: '2026-12-01T07:00:00.000Z',
    } as FeedbackTallyRow;
    const withLate = buildReports(
      reportInput({
        feedback: [...feedback.filter((f) => !(f.serviceId === 's1' && f.period === '2026-Q3')), late],
      }),
    );
    expect(withLate.public.json.asOf).toBe('2026-12-01T07:00:00.000Z');
    expect(reports.public.json.asOf).toBe('2026-10-02T08:00:00.000Z');
  });
});
