// The as-of selection (design §2 "As of a period"): every figure, list and
// text of a period's report comes from what is *dated* on or before the
// period's end, whenever it was submitted. One function, used by every report
// section and by the indicator overview, so they cannot disagree.
import { isNewer, serviceKeyOf, type AssessmentRow } from './assessment-row.js';
import type { DecisionFact } from './lifecycle/agenda.js';
import { owedAssessments, type OwedStatus } from './lifecycle/owed.js';
import { significanceOf, type Significance } from './significance.js';

/** A service's entry in a provider's yearly plan. */
export interface PlannedEntry {
  organisationId: string;
  year: number;
  version: number;
  serviceId: string;
  kind: 'new' | 'rework';
  name: string;
  targetGroups: string[];
  budgetEur?: number;
  expectedUsers?: number;
  startsOn: string;
  goLiveOn?: string;
  /** when the plan version this entry belongs to was submitted */
  submittedAt: string;
}

/** A service as it stood on a day. */
export interface ServiceAsOf {
  organisationId: string;
  serviceId: string;
  name: string;
  /** the latest assessment's (or plan entry's) own list, shared with it: read-only */
  targetGroups: readonly string[];
  eloketten: readonly string[];
  significance: Significance;
  /** the latest assessment of each phase dated on or before the day */
  pre: AssessmentRow | null;
  post: AssessmentRow | null;
  /** the earliest assessedOn on or before the day */
  firstSeen: string | null;
  /** its entry in the latest plan (by year) that covers the day */
  plan: PlannedEntry | null;
  owed: OwedStatus;
}

const NO_ELOKETTEN: readonly string[] = Object.freeze([]);

interface Acc {
  pre: AssessmentRow | null;
  post: AssessmentRow | null;
  latest: AssessmentRow | null;
  firstSeen: string | null;
  plan: PlannedEntry | null;
}

/**
 * Streams rows and plan entries in, keeps per service only what the day needs
 * (two assessments, the newest one, a plan entry), and gives the services in
 * (organisation, service) order.
 */
export class AsOfSelection {
  private readonly services = new Map<string, Acc>();
  private readonly year: number;

  constructor(readonly asOf: string) {
    this.year = Number(asOf.slice(0, 4));
  }

  private acc(k: string): Acc {
    let a = this.services.get(k);
    if (!a) {
      a = { pre: null, post: null, latest: null, firstSeen: null, plan: null };
      this.services.set(k, a);
    }
    return a;
  }

  /** `key`: serviceKeyOf(row), when the caller made it already. */
  addAssessment(row: AssessmentRow, key?: string): void {
    if (row.assessedOn > this.asOf) return;
    const a = this.acc(key ?? serviceKeyOf(row));
    if (isNewer(row, a[row.phase])) a[row.phase] = row;
    if (isNewer(row, a.latest)) a.latest = row;
    if (a.firstSeen === null || row.assessedOn < a.firstSeen) a.firstSeen = row.assessedOn;
  }

  /** A plan is dated by its year: a plan for a year after the day's does not count yet. */
  addPlanned(entry: PlannedEntry): void {
    if (entry.year > this.year) return;
    const a = this.acc(serviceKeyOf(entry));
    if (!a.plan || entry.year > a.plan.year) a.plan = entry;
  }

  /** The services as they stood on the day, by (organisation, service). */
  result(): AsOfResult {
    const out: ServiceAsOf[] = [];
    for (const a of this.services.values()) {
      const d = a.latest?.service ?? null;
      const plan = a.plan;
      const identity = a.latest ?? plan!;
      const significance = significanceOf(d, plan);
      out.push({
        organisationId: identity.organisationId,
        serviceId: identity.serviceId,
        name: d?.name ?? plan!.name,
        targetGroups: d?.targetGroups ?? plan!.targetGroups,
        eloketten: d?.eloketten ?? NO_ELOKETTEN,
        significance,
        pre: a.pre,
        post: a.post,
        firstSeen: a.firstSeen,
        plan,
        owed: owedAssessments(
          {
            significance,
            plan: plan ? { startsOn: plan.startsOn, goLiveOn: plan.goLiveOn } : null,
            firstSeen: a.firstSeen,
            pre: a.pre,
            post: a.post,
            assessedGoLiveOn: a.latest?.service.goLiveOn,
          },
          this.asOf,
        ),
      });
    }
    out.sort((x, y) => x.organisationId.localeCompare(y.organisationId) || x.serviceId.localeCompare(y.serviceId));
    return { asOf: this.asOf, services: out };
  }
}

/** What the selection gives: the day it was made for, and the services as they stood then. */
export interface AsOfResult {
  asOf: string;
  services: ServiceAsOf[];
}

/** The selection over rows and plan entries already in memory (tests, small sets). */
export function selectAsOf(asOf: string, rows: Iterable<AssessmentRow>, planned: Iterable<PlannedEntry> = []): AsOfResult {
  const s = new AsOfSelection(asOf);
  for (const r of rows) s.addAssessment(r);
  for (const e of planned) s.addPlanned(e);
  return s.result();
}

/** Decisions recorded on or before the day. */
export const decisionsAsOf = (decisions: readonly DecisionFact[], asOf: string) => decisions.filter((d) => d.decidedOn <= asOf);
