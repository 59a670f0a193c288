// The yearly report of seed §3.2 (design §5): a year's reports hold, per
// provider, its plan (new and reworked services) and whether their
// assessments came in and which are owed (the one owed rule), the feedback it
// received and its maturity scan; the committee's decisions of the year; the
// providers without a plan (design §2.1); and the progress of the strategy's
// actions and support tools. Every figure from the year's one selection:
// what is dated by the year's end. For any other period these are null.
import type { ServiceAsOf } from '../as-of.js';
import { feedbackFigure, type FeedbackFigure } from '../feedback/figures.js';
import { addTallies } from '../feedback/tally.js';
import type { DecisionFact, DecisionKind } from '../lifecycle/agenda.js';
import type { OwedAssessment } from '../lifecycle/owed.js';
import { describeOrganisation } from '../organisations.js';
import type { Significance } from '../significance.js';
import { MATURITY_LEVELS, type MaturityLevel } from '../strategy/maturity.js';
import { ACTION_SECTIONS, STRATEGY_ACTIONS, type ActionStatus } from '../strategy/actions.js';
import { SUPPORT_TOOL_TYPES, SUPPORT_TOOLS, type SupportToolStatus } from '../strategy/support-tools.js';
import { commentsOf } from './comments.js';
import { periodFeedback, serviceTallies } from './feedback-figures.js';
import { serviceKey, type StatusChangeFact } from './feedback-input.js';
import type { PeriodSelection } from './period-selection.js';

/** The year a selection was made for, or null for a quarter or a month. */
export const yearOf = (selection: PeriodSelection): number | null => (selection.period.kind === 'year' ? selection.period.year : null);

// ---- Per provider ----

export interface PlannedServiceOfYear {
  serviceId: string;
  name: string;
  kind: 'new' | 'rework';
  startsOn: string;
  goLiveOn: string | null;
  significance: Significance;
  /** the day of the latest assessment of each phase that came in, dated by the year's end; null: none */
  pre: string | null;
  post: string | null;
  /** what it owes at the year's end (the one owed rule) */
  owes: readonly OwedAssessment[];
  goLiveUnknown: boolean;
}

export interface MaturityOfYear {
  submittedAt: string;
  themes: Array<{ themeId: string; name: string; current: MaturityLevel; ambition: MaturityLevel; steps: number }>;
}

export interface ProviderOfYear {
  organisationId: string;
  organisationName: string;
  registered: boolean;
  /** its plan for the year: null when it sent none */
  plan: PlannedServiceOfYear[] | null;
  /** every service of the provider that owes an assessment at the year's end, planned or not */
  owing: Array<{ serviceId: string; name: string; owes: 'pre' | 'post'; since: string }>;
  /** its services assessed in the year (a pre or a post dated in it) */
  assessedInYear: number;
  feedback: { all: FeedbackFigure; services: Array<{ serviceId: string; name: string; feedback: FeedbackFigure }> };
  /** how many comments its users gave in the year (the committee report shows them) */
  comments: number;
  /** its maturity scan for the year: null when it sent none */
  maturity: MaturityOfYear | null;
}

const planned = (s: ServiceAsOf): PlannedServiceOfYear => ({
  serviceId: s.serviceId,
  name: s.name,
  kind: s.plan!.kind,
  startsOn: s.plan!.startsOn,
  goLiveOn: s.plan!.goLiveOn ?? s.post?.service.goLiveOn ?? s.pre?.service.goLiveOn ?? null,
  significance: s.significance,
  pre: s.pre?.assessedOn ?? null,
  post: s.post?.assessedOn ?? null,
  owes: s.owed.owes,
  goLiveUnknown: s.owed.goLiveUnknown,
});

const level = (l: MaturityLevel) => MATURITY_LEVELS.indexOf(l);

export function providersOfYear(selection: PeriodSelection): ProviderOfYear[] | null {
  const year = yearOf(selection);
  if (year === null) return null;
  const { start } = selection.period;
  const inYear = (s: ServiceAsOf) => [s.pre, s.post].some((a) => a !== null && a.assessedOn >= start);
  const planOf = (s: ServiceAsOf) => s.plan !== null && s.plan.year === year;
  const tallies = selection.shared(serviceTallies);
  const feedback = selection.shared(periodFeedback).services;
  const comments = selection.shared(commentsOf);
  const scans = new Map(selection.maturity.map((m) => [m.organisationId, m]));
  // A plan is one even when it plans nothing: its head says so; its entries too, should the head be missing.
  const withPlan = new Set([...selection.plans.map((p) => p.organisationId), ...selection.all.filter(planOf).map((s) => s.organisationId)]);

  const orgs = new Set<string>([
    ...withPlan,
    ...selection.all.filter((s) => inYear(s) || s.owed.owes.length > 0).map((s) => s.organisationId),
    ...tallies.map((t) => t.organisationId),
    ...scans.keys(),
  ]);
  return [...orgs].sort().map((organisationId): ProviderOfYear => {
    const services = selection.all.filter((s) => s.organisationId === organisationId);
    const scan = scans.get(organisationId);
    return {
      organisationId,
      organisationName: describeOrganisation(organisationId, selection.organisations).name,
      registered: selection.organisations.has(organisationId),
      plan: withPlan.has(organisationId) ? services.filter(planOf).map(planned) : null,
      owing: services.flatMap((s) => s.owed.owes.map((o) => ({ serviceId: s.serviceId, name: s.name, owes: o.phase, since: o.since }))),
      assessedInYear: services.filter(inYear).length,
      feedback: {
        all: feedbackFigure(addTallies(tallies.filter((t) => t.organisationId === organisationId).map((t) => t.tally))),
        services: feedback
          .filter((f) => f.organisationId === organisationId)
          .map((f) => ({ serviceId: f.serviceId, name: f.name, feedback: f.feedback })),
      },
      comments: comments.filter((c) => c.organisationId === organisationId).reduce((a, c) => a + c.total, 0),
      maturity: scan
        ? {
            submittedAt: scan.submittedAt,
            themes: Object.entries(scan.themes)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([themeId, t]) => ({
                themeId,
                name: selection.themes.get(themeId) ?? themeId,
                current: t.current,
                ambition: t.ambition,
                steps: level(t.ambition) - level(t.current),
              })),
          }
        : null,
    };
  });
}

// ---- Providers without a plan ----

export interface ProviderWithoutPlan {
  organisationId: string;
  organisationName: string;
  /** its latest assessment dated in the year or the one before */
  lastAssessedOn: string;
}

/** Design §2.1: registered organisations with any assessment dated in Y or Y−1 and no plan for Y. */
export function providersWithoutPlan(selection: PeriodSelection): ProviderWithoutPlan[] | null {
  const year = yearOf(selection);
  if (year === null) return null;
  const from = `${year - 1}-01-01`;
  const withPlan = new Set([
    ...selection.plans.map((p) => p.organisationId),
    ...selection.all.filter((s) => s.plan?.year === year).map((s) => s.organisationId),
  ]);
  // The latest assessment of each phase is enough: an assessment dated in Y−1 or Y makes the latest one so too.
  const last = new Map<string, string>();
  for (const s of selection.all)
    for (const a of [s.pre, s.post])
      if (a && a.assessedOn >= from && a.assessedOn > (last.get(s.organisationId) ?? '')) last.set(s.organisationId, a.assessedOn);
  return [...last]
    .filter(([o]) => selection.organisations.has(o) && !withPlan.has(o))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([organisationId, lastAssessedOn]) => ({
      organisationId,
      organisationName: describeOrganisation(organisationId, selection.organisations).name,
      lastAssessedOn,
    }));
}

// ---- The committee's decisions of the year ----

export type DecisionCounts = Record<DecisionKind, number> & { total: number; services: number };

export interface DecisionOfYear {
  decidedOn: string;
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  phase: 'pre' | 'post' | null;
  decision: DecisionKind;
  criteria: string[];
  until: string | null;
  note: string | null;
}

export const decisionsInYear = (selection: PeriodSelection): DecisionFact[] | null =>
  yearOf(selection) === null ? null : selection.decisions.filter((d) => d.decidedOn >= selection.period.start);

export function decisionCounts(decisions: readonly DecisionFact[]): DecisionCounts {
  const counts: DecisionCounts = { accepted: 0, derogation: 0, action_required: 0, total: decisions.length, services: 0 };
  for (const d of decisions) counts[d.decision] += 1;
  counts.services = new Set(decisions.map(serviceKey)).size;
  return counts;
}

export function decisionsListed(selection: PeriodSelection, decisions: readonly DecisionFact[]): DecisionOfYear[] {
  const services = new Map(selection.all.map((s) => [serviceKey(s), s]));
  return decisions.map((d) => {
    const s = services.get(serviceKey(d));
    const phase = s?.pre?.assessmentId === d.assessmentId ? 'pre' : s?.post?.assessmentId === d.assessmentId ? 'post' : null;
    return {
      decidedOn: d.decidedOn,
      organisationId: d.organisationId,
      organisationName: describeOrganisation(d.organisationId, selection.organisations).name,
      serviceId: d.serviceId,
      serviceName: s?.name ?? d.serviceId,
      phase,
      decision: d.decision,
      criteria: [...d.criteria],
      until: d.until ?? null,
      note: d.note ?? null,
    };
  });
}

// ---- The action plan ----

export interface StatusChangeOfYear<S extends string> {
  recordedOn: string;
  from: S;
  to: S;
}

export interface ProgressItem<S extends string> {
  id: string;
  title: string;
  /** the group it belongs to: the action plan's section, or the tool's type */
  group: string;
  /** at the year's start (the end of the year before) and at its end */
  atStart: S;
  atEnd: S;
  /** the day of the change that set `atEnd`; null: the status the strategy gave it */
  since: string | null;
  changes: Array<StatusChangeOfYear<S>>;
}

export interface StrategyProgress {
  actions: Array<ProgressItem<ActionStatus> & { owner: string; timing: string }>;
  supportTools: Array<ProgressItem<SupportToolStatus>>;
  /** how many have each status, at the year's start and at its end */
  counts: {
    actions: Record<'atStart' | 'atEnd', Record<ActionStatus, number>>;
    supportTools: Record<'atStart' | 'atEnd', Record<SupportToolStatus, number>>;
  };
}

function progress<S extends string>(
  first: S,
  changes: readonly StatusChangeFact[],
  start: string,
): Pick<ProgressItem<S>, 'atStart' | 'atEnd' | 'since' | 'changes'> {
  let status = first;
  let atStart = first;
  let since: string | null = null;
  const ofYear: Array<StatusChangeOfYear<S>> = [];
  // Oldest first (the selection's order): each change sets the status from its day.
  for (const c of changes) {
    const to = c.status as S;
    if (c.recordedOn < start) atStart = to;
    else ofYear.push({ recordedOn: c.recordedOn, from: status, to });
    status = to;
    since = c.recordedOn;
  }
  return { atStart, atEnd: status, since, changes: ofYear };
}

function tally<S extends string>(statuses: readonly S[], items: ReadonlyArray<{ atStart: S; atEnd: S }>) {
  const of = (k: 'atStart' | 'atEnd') =>
    Object.fromEntries(statuses.map((s) => [s, items.filter((i) => i[k] === s).length])) as Record<S, number>;
  return { atStart: of('atStart'), atEnd: of('atEnd') };
}

/** The status of each action and support tool at the year's end, with the year's changes (never their notes: free text). */
export function strategyProgress(selection: PeriodSelection): StrategyProgress | null {
  if (yearOf(selection) === null) return null;
  const { start } = selection.period;
  const actions = STRATEGY_ACTIONS.map((a) => ({
    id: String(a.n),
    title: a.title,
    group: ACTION_SECTIONS[a.section] ?? a.section,
    owner: a.owner,
    timing: a.timing,
    ...progress<ActionStatus>(
      a.status,
      selection.statusChanges.filter((c) => c.subject === 'action' && c.action === a.n),
      start,
    ),
  }));
  const supportTools = SUPPORT_TOOLS.map((t) => ({
    id: t.id,
    title: t.name,
    group: SUPPORT_TOOL_TYPES[t.section],
    ...progress<SupportToolStatus>(
      t.status,
      selection.statusChanges.filter((c) => c.subject === 'support-tool' && c.supportTool === t.id),
      start,
    ),
  }));
  return {
    actions,
    supportTools,
    counts: {
      actions: tally(['op te starten', 'lopend', 'afgerond'] as const, actions),
      supportTools: tally(['ontwikkeld', 'in ontwikkeling', 'te ontwikkelen'] as const, supportTools),
    },
  };
}

export interface StatusNote {
  recordedOn: string;
  subject: string;
  status: string;
  note: string;
}

/** The committee's notes on the status changes it recorded in the year (its own report only). */
export function statusNotesOfYear(selection: PeriodSelection): StatusNote[] | null {
  if (yearOf(selection) === null) return null;
  return selection.statusChanges
    .filter((c) => c.recordedOn >= selection.period.start && c.note !== undefined)
    .map((c) => ({
      recordedOn: c.recordedOn,
      subject:
        c.subject === 'action'
          ? `Actie ${c.action}. ${STRATEGY_ACTIONS.find((a) => a.n === c.action)?.title ?? ''}`
          : (SUPPORT_TOOLS.find((t) => t.id === c.supportTool)?.name ?? c.supportTool),
      status: c.status,
      note: c.note!,
    }));
}
