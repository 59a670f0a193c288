// A small hand-made data set for the report's unit tests: four services of
// two organisations (one registered) and four main e-loketten plus a thematic
// one, built in memory, with no stand-in. Most assessments carry operational
// measures (catalog 2026-10); the trend's quarters are each selected as of
// their own end, as the publisher does.
import { selectAsOf, type PlannedEntry } from '../../shared/domain/as-of.js';
import { explainedAnswersOf, toAssessmentRow, type AssessmentRow } from '../../shared/domain/assessment-row.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { QuarterHistory, trendQuarters, type QuarterValues } from '../../shared/domain/operational/values.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import type { Tally } from '../../shared/domain/feedback/tally.js';
import type { FeedbackTallyRow, ReportComment, StatusChangeFact } from '../../shared/domain/report/feedback-input.js';
import type { EloketInput, ExplainedAnswer, ReportInput } from '../../shared/domain/report/period-selection.js';
import { summarize, type CountRow } from '../../shared/domain/service-counts.js';
import type { StoredAssessment } from '../../shared/domain/service-view.js';
import { answers, assessment } from './fixtures.js';

export const small = { name: 'Kleine dienst', targetGroups: ['burgers' as const], budgetEur: 1000, expectedUsers: 10, eloketten: [] };
export const big = { name: 'Grote dienst', targetGroups: ['burgers' as const], budgetEur: 900000, expectedUsers: 10, eloketten: [] };
const DH_I_NO = Object.fromEntries(['DH-I1', 'DH-I2', 'DH-I3', 'DH-I4', 'DH-I5', 'DH-I6'].map((id) => [id, 'no' as const]));

export const stored = (id: string, submittedAt: string, over: Parameters<typeof assessment>[0]): StoredAssessment => ({
  assessmentId: id,
  submittedAt,
  submission: storedSubmission(assessment(over)),
});

/** The projection row of a stored assessment. */
export const rowOf = (a: StoredAssessment): AssessmentRow => toAssessmentRow(a);

/** The explained answers of stored assessments, by assessment id, as the publisher reads them. */
export const explanationsOf = (list: readonly StoredAssessment[]): Map<string, ExplainedAnswer[]> =>
  new Map(list.map((a) => [a.assessmentId, explainedAnswersOf(a)]));

export function reportAssessments(): StoredAssessment[] {
  return reportServices().flat();
}

export function reportServices(): StoredAssessment[][] {
  return [
    // reworked, better: one `no` before, none after
    [
      stored('s1pre', '2026-01-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's1',
        phase: 'pre',
        assessedOn: '2026-01-05',
        service: small,
        measures: { processSteps: 9, notifications: false, plainLanguageLevel: 'B2', wcagLevel: 'A' },
        answers: answers({ 'SD-G2': 'no' }),
      }),
      stored('s1post', '2026-07-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's1',
        phase: 'post',
        assessedOn: '2026-07-05',
        service: small,
        measures: { processSteps: 5, notifications: true, plainLanguageLevel: 'B1', wcagLevel: 'AA' },
      }),
    ],
    // significant, owes its post
    [
      stored('s2pre', '2026-02-10T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's2',
        phase: 'pre',
        assessedOn: '2026-02-05',
        service: big,
        measures: { processSteps: 14, notifications: false, plainLanguageLevel: 'C1' },
        answers: answers({ 'SD-G1': 'no' }),
      }),
    ],
    // significant, a post without a pre: owes its pre; its organisation is not registered
    [
      stored('s3post', '2026-05-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's3',
        phase: 'post',
        assessedOn: '2026-05-05',
        service: big,
        measures: { processSteps: 6, notifications: true, wcagLevel: 'AAA', mobileUsable: true },
      }),
    ],
    // reworked, worse: DH-I all `no` after
    [
      stored('s4pre', '2026-03-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's4',
        phase: 'pre',
        assessedOn: '2026-03-05',
        service: small,
        measures: { processSteps: 4, notifications: true },
      }),
      stored('s4post', '2026-08-10T00:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's4',
        phase: 'post',
        assessedOn: '2026-08-05',
        service: small,
        measures: { processSteps: 3, notifications: false, plainLanguageLevel: 'A2', wcagLevel: 'A' },
        answers: answers(DH_I_NO),
      }),
    ],
    // assessed after 2026-Q3: not in its reports
    [
      stored('s5pre', '2026-10-02T00:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's5',
        phase: 'pre',
        assessedOn: '2026-10-01',
        service: big,
        measures: { processSteps: 1, notifications: true },
      }),
    ],
  ];
}

export const row = (organisationId: string, servicesOffered: number, volumes?: CountRow['volumes']): CountRow => ({
  organisationId,
  targetGroup: 'burgers',
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});

export function eloket(
  id: string,
  name: string,
  main: boolean,
  reports: Array<[period: string, rows: CountRow[], submittedAt: string]>,
): EloketInput {
  return {
    id,
    name,
    main,
    reported: new Map(reports.map(([period, rows, submittedAt]) => [period, { version: 1, summary: summarize(rows), submittedAt }])),
  };
}

const AT = '2026-10-01T00:00:00.000Z';

export function reportEloketten(): EloketInput[] {
  return [
    // the same figures four quarters running
    eloket(
      'mijn-burgerprofiel',
      'Mijn Burgerprofiel',
      true,
      ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((q) => [q, [row('OVO1', 10, { click: 80, call: 20 })], AT]),
    ),
    // monthly: volumes jump and services drop to 0 in the last month of 2026-Q3; a month of 2026-Q4 is sent later
    eloket('e-loket-ondernemers', 'E-loket voor ondernemers', true, [
      ['2026-04', [row('OVO2', 4, { click: 30, call: 3 })], AT],
      ['2026-05', [row('OVO2', 4, { click: 30, call: 3 })], AT],
      ['2026-06', [row('OVO2', 4, { click: 30, call: 3 })], AT],
      ['2026-07', [row('OVO2', 4, { click: 1000, call: 500 })], AT],
      ['2026-09', [row('OVO2', 0, { click: 2000, call: 500 })], '2026-10-02T08:00:00.000Z'],
      ['2026-10', [row('OVO2', 1, { click: 5 })], '2026-11-03T00:00:00.000Z'],
    ]),
    eloket('verenigingsloket', 'Verenigingsloket', true, []),
    eloket('loket-lokale-besturen', 'Loket voor Lokale Besturen', true, [['2026-Q3', [row('OVO2', 2)], AT]]),
    // thematic and silent: left out of the period's list
    eloket('thema', 'Thematisch loket', false, []),
  ];
}

/** The indicator values of the eight quarters up to a day, each as of its own end (QuarterHistory over the rows). */
export function historyOf(rows: readonly AssessmentRow[], end: string): QuarterValues[] {
  const history = new QuarterHistory(trendQuarters({ end }));
  for (const r of rows) history.addAssessment(r);
  return history.result();
}

type InputOver = Partial<Omit<ReportInput, 'selection'>> & { assessments?: StoredAssessment[]; planned?: PlannedEntry[] };

/** The report input of a period: the as-of selection made for its end over the assessments (and plans) given. */
export function reportInput(over: InputOver = {}): ReportInput {
  const { assessments = reportAssessments(), planned = [], ...rest } = over;
  const periodId = rest.periodId ?? '2026-Q3';
  const end = parsePeriod(periodId)?.end ?? '2026-09-30';
  const rows = assessments.map(rowOf);
  return {
    periodId,
    codeVersion: 'unit',
    selection: selectAsOf(end, rows, planned),
    indicatorHistory: historyOf(rows, end),
    decisions: [],
    explanations: explanationsOf(assessments),
    eloketten: reportEloketten(),
    organisations: new Map([
      ['OVO1', { organisationId: 'OVO1', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' }],
    ]),
    feedback: [],
    comments: [],
    plans: [],
    maturity: [],
    themes: [],
    statusChanges: [],
    ...rest,
  };
}

// ---- Feedback, comments and the yearly report's facts, made by hand ----

type Ratings = [number, number, number, number, number];

/** A tally from the counts of scores 1…5 and, optionally, the found-it answers. */
export const tallyOf = (ratings: Ratings, foundIt: { yes?: number; partly?: number; no?: number } = {}): Tally => ({
  responses: ratings.reduce((a, b) => a + b, 0),
  ratings: [...ratings],
  foundIt: { yes: foundIt.yes ?? 0, partly: foundIt.partly ?? 0, no: foundIt.no ?? 0 },
});

/** A month of form responses of a service. */
export const formMonth = (
  organisationId: string,
  serviceId: string,
  month: string,
  ratings: Ratings,
  foundIt?: { yes?: number; partly?: number; no?: number },
): FeedbackTallyRow => ({
  source: 'form',
  organisationId,
  serviceId,
  period: month,
  tally: tallyOf(ratings, foundIt),
  lastGivenAt: `${month}-15T10:00:00.000Z`,
});

/** A provider's aggregate of a service for a period, submitted after it. */
export const aggregateOf = (
  organisationId: string,
  serviceId: string,
  period: string,
  ratings: Ratings,
  foundIt?: { yes?: number; partly?: number; no?: number },
  version = 1,
): FeedbackTallyRow => ({
  source: 'aggregate',
  organisationId,
  serviceId,
  period,
  version,
  tally: tallyOf(ratings, foundIt),
  submittedAt: `${parsePeriod(period)!.end}T12:00:00.000Z`,
});

export const formComment = (
  organisationId: string,
  serviceId: string,
  receivedOn: string,
  rating: number,
  text: string,
): ReportComment => ({
  source: 'form',
  organisationId,
  serviceId,
  receivedOn,
  rating,
  text,
});

export const aggregateComment = (
  organisationId: string,
  serviceId: string,
  period: string,
  receivedOn: string,
  text: string,
): ReportComment => ({
  source: 'aggregate',
  organisationId,
  serviceId,
  period,
  receivedOn,
  text,
});

/** A status change the committee recorded on a day. */
export const statusChange = (
  subject: { action: number } | { supportTool: string },
  status: string,
  recordedOn: string,
  note?: string,
): StatusChangeFact =>
  ({
    ...('action' in subject
      ? { subject: 'action', action: subject.action }
      : { subject: 'support-tool', supportTool: subject.supportTool }),
    status,
    changeId: `c-${recordedOn}-${status}`,
    recordedAt: `${recordedOn}T09:00:00.000Z`,
    recordedOn,
    ...(note ? { note } : {}),
  }) as StatusChangeFact;
