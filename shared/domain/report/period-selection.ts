// What a period's reports are built from: one as-of selection (design §2),
// shared by every section, so that each figure, list and text comes from what
// is dated on or before the period's end — and regenerating a period after
// later-dated submissions gives the same bytes.
import type { AsOfResult, ServiceAsOf } from '../as-of.js';
import type { DecisionFact } from '../lifecycle/agenda.js';
import { buildEloketFigures } from '../indicators.js';
import { allCatalogs, type IndicatorCatalog } from '../operational/catalogs.js';
import { valuesOf, type QuarterValues } from '../operational/values.js';
import type { Organisation } from '../organisations.js';
import { parsePeriod, periodContaining, type Period } from '../periods.js';
import type { CountsSummary } from '../service-counts.js';
import { assessedOf, assessmentsAsOf, type ServiceAtPeriod } from './assessment-figures.js';
import {
  commentsOfPeriod,
  feedbackOfPeriod,
  type FeedbackTallyRow,
  type MaturityScanFact,
  type PlanHead,
  type ReportComment,
  type StatusChangeFact,
} from './feedback-input.js';

export interface EloketInput {
  id: string;
  name: string;
  main: boolean;
  reported: ReadonlyMap<string, { version: number; summary: CountsSummary; submittedAt: string }>;
}

/** An explained answer of an assessment (a `no`, or a `not_applicable`), read from the stored submission. */
export interface ExplainedAnswer {
  criterionId: string;
  answer: 'no' | 'not_applicable';
  explanation: string;
  plannedBy?: string;
}

export interface ReportInput {
  periodId: string;
  codeVersion: string;
  /** the as-of selection made for the period's end (AsOfSelection) */
  selection: AsOfResult;
  /** the committee's decisions, any date: the period takes those recorded by its end */
  decisions: readonly (DecisionFact & { recordedAt?: string })[];
  /** the explained answers of the selected assessments, by assessment id */
  explanations: ReadonlyMap<string, readonly ExplainedAnswer[]>;
  eloketten: readonly EloketInput[];
  organisations: ReadonlyMap<string, Organisation>;
  /** the feedback tallies, any period: the period takes those it shows, dated by its end */
  feedback: readonly FeedbackTallyRow[];
  /** the comments not expired when the reports are built, any date: the period takes its own */
  comments: readonly ReportComment[];
  /** the providers' plans, any year (a year's report only) */
  plans: readonly PlanHead[];
  /** the maturity scans that stand, any year (a year's report only) */
  maturity: readonly MaturityScanFact[];
  /** the registered maturity themes, for their names */
  themes: readonly { themeId: string; name: string }[];
  /** the action plan's status changes, any date (a year's report only) */
  statusChanges: readonly StatusChangeFact[];
  /** the operational-indicator catalog versions; default: the first only */
  indicatorCatalogs?: readonly IndicatorCatalog[];
  /**
   * the indicator values of the eight quarters of the trend (operational/values.ts
   * trendQuarters), each from its own as-of selection; default: only the
   * period's own quarter, from the period's selection
   */
  indicatorHistory?: readonly QuarterValues[];
}

export interface PeriodSelection {
  readonly period: Period;
  readonly codeVersion: string;
  /** every service of the selection, planned ones too, by organisation then service */
  readonly all: readonly ServiceAsOf[];
  /** the services assessed by the period's end, with the assessments that count, by organisation then service */
  readonly services: readonly ServiceAtPeriod[];
  /** the decisions dated by the period's end */
  readonly decisions: readonly DecisionFact[];
  readonly explanations: ReadonlyMap<string, readonly ExplainedAnswer[]>;
  readonly eloketten: readonly EloketInput[];
  readonly organisations: ReadonlyMap<string, Organisation>;
  /** each e-loket's counts for the period, and all of them together */
  readonly counts: ReturnType<typeof buildEloketFigures>;
  /** the feedback tallies the period shows (its own and its evolution's quarters), by organisation then service */
  readonly feedback: readonly FeedbackTallyRow[];
  /** the period's comments, by organisation then service, newest first */
  readonly comments: readonly ReportComment[];
  /** a year: the plans for that year; other periods: none */
  readonly plans: readonly PlanHead[];
  /** a year: the maturity scans for that year; other periods: none */
  readonly maturity: readonly MaturityScanFact[];
  readonly themes: ReadonlyMap<string, string>;
  /** a year: the status changes recorded by its end, oldest first; other periods: none */
  readonly statusChanges: readonly StatusChangeFact[];
  readonly indicatorCatalogs: readonly IndicatorCatalog[];
  /** the indicator values of the quarters of the trend, oldest first; the last is as of the period's end */
  readonly indicatorHistory: readonly QuarterValues[];
  /** the newest submission the reports rest on; null when there is none */
  readonly asOf: string | null;
  /** A figure that several sections show, computed once for the period. */
  shared<T>(figure: (selection: PeriodSelection) => T): T;
}

export const byOrgThenService = (a: { organisationId: string; serviceId: string }, b: { organisationId: string; serviceId: string }) =>
  a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId);

const newest = (...xs: Array<string | null | undefined>): string | null =>
  xs.reduce<string | null>((m, x) => (x != null && (m === null || x > m) ? x : m), null);

export function selectPeriod(input: ReportInput): PeriodSelection {
  const period = parsePeriod(input.periodId);
  if (!period) throw new Error(`invalid period ${input.periodId}`);
  // One selection for every section: it must have been made for this period's end.
  if (input.selection.asOf !== period.end) throw new Error(`the selection is as of ${input.selection.asOf}, not the end of ${period.id}`);
  const all = [...input.selection.services].sort(byOrgThenService);
  const services = assessedOf(all);
  const decisions = input.decisions
    .filter((d) => d.decidedOn <= period.end)
    .map(({ recordedAt: _r, ...d }) => d)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.decisionId.localeCompare(b.decisionId));
  const selected = new Set<string>();
  for (const { pre, post } of services) for (const a of [pre, post]) if (a) selected.add(a.assessmentId);
  // The explanations of the selected assessments only; read for exactly those (the use case), the map is
  // kept as given rather than copied (100,000 entries at 50,000 services, beside the copy while it was made).
  let onlySelected = true;
  for (const id of input.explanations.keys())
    if (!selected.has(id)) {
      onlySelected = false;
      break;
    }
  const explanations = onlySelected ? input.explanations : new Map([...input.explanations].filter(([id]) => selected.has(id)));
  const counts = buildEloketFigures(input.periodId, input.eloketten);
  const feedback = feedbackOfPeriod(period, input.feedback).sort(
    (a, b) => byOrgThenService(a, b) || a.source.localeCompare(b.source) || a.period.localeCompare(b.period),
  );
  // Newest first within a service; the store's order (newest received first) breaks ties.
  const comments = commentsOfPeriod(period, input.comments).sort(
    (a, b) => byOrgThenService(a, b) || b.receivedOn.localeCompare(a.receivedOn),
  );
  // The yearly report's own facts: a plan and a scan are dated by their year, a status change by its day.
  const year = period.kind === 'year';
  const plans = year ? input.plans.filter((p) => p.year === period.year) : [];
  const maturity = year
    ? input.maturity.filter((m) => m.year === period.year).sort((a, b) => a.organisationId.localeCompare(b.organisationId))
    : [];
  const statusChanges = year
    ? input.statusChanges
        .filter((c) => c.recordedOn <= period.end)
        .sort(
          (a, b) =>
            a.recordedOn.localeCompare(b.recordedOn) || a.recordedAt.localeCompare(b.recordedAt) || a.changeId.localeCompare(b.changeId),
        )
    : [];
  const indicatorHistory = input.indicatorHistory ?? [
    {
      quarter: periodContaining(period.end, 'quarter'),
      asOf: period.end,
      newestSubmission: assessmentsAsOf(services),
      services: services.map(({ service, pre, post }) => ({
        organisationId: service.organisationId,
        serviceId: service.serviceId,
        targetGroups: service.targetGroups,
        values: valuesOf(pre, post),
      })),
    },
  ];
  const asOf = newest(
    assessmentsAsOf(services),
    ...indicatorHistory.map((q) => q.newestSubmission),
    counts.asOf,
    ...all.map((s) => s.plan?.submittedAt),
    ...input.decisions.filter((d) => d.decidedOn <= period.end).map((d) => d.recordedAt),
    ...feedback.map((f) => (f.source === 'form' ? f.lastGivenAt : f.submittedAt)),
    ...plans.map((p) => p.submittedAt),
    ...maturity.map((m) => m.submittedAt),
    ...statusChanges.map((c) => c.recordedAt),
  );
  const cache = new Map<(selection: PeriodSelection) => unknown, unknown>();
  const selection: PeriodSelection = {
    period,
    codeVersion: input.codeVersion,
    all,
    services,
    decisions,
    explanations,
    eloketten: input.eloketten,
    organisations: input.organisations,
    counts,
    feedback,
    comments,
    plans,
    maturity,
    themes: new Map(input.themes.map((t) => [t.themeId, t.name])),
    statusChanges,
    indicatorCatalogs: input.indicatorCatalogs ?? allCatalogs(),
    indicatorHistory,
    asOf,
    shared<T>(figure: (s: PeriodSelection) => T): T {
      if (!cache.has(figure)) cache.set(figure, figure(selection));
      return cache.get(figure) as T;
    },
  };
  return selection;
}
