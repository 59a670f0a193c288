// The committee's agenda (design §2.1, seed §3.2.2): for a period P, the
// current assessments dated on or before P's end with unmet criteria that had
// no decision dated before P's start, each with the decisions dated within P,
// or pending. A Q3 assessment decided in Q4 is pending in Q3's report and
// decided on Q4's agenda. Beside it: the derogations that expire within the
// next period.
export type DecisionKind = 'accepted' | 'derogation' | 'action_required';

export interface DecisionFact {
  decisionId: string;
  assessmentId: string;
  organisationId: string;
  serviceId: string;
  decision: DecisionKind;
  criteria: string[];
  until?: string | undefined;
  note?: string | undefined;
  decidedOn: string;
}

export interface AgendaCandidate {
  assessmentId: string;
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  assessedOn: string;
  /** the criteria answered `no` */
  unmet: readonly string[];
}

export interface AgendaItem<A extends AgendaCandidate = AgendaCandidate> {
  assessment: A;
  /** the decisions dated within the period; empty: pending */
  decisions: DecisionFact[];
  status: 'pending' | 'decided';
}

const byDate = (a: DecisionFact, b: DecisionFact) => a.decidedOn.localeCompare(b.decidedOn) || a.decisionId.localeCompare(b.decisionId);

export function agendaOf<A extends AgendaCandidate>(
  period: { start: string; end: string },
  assessments: readonly A[],
  decisions: readonly DecisionFact[],
): Array<AgendaItem<A>> {
  const onAssessment = new Map<string, DecisionFact[]>();
  for (const d of decisions) {
    if (d.decidedOn > period.end) continue; // later decisions never change this period
    const list = onAssessment.get(d.assessmentId) ?? [];
    list.push(d);
    onAssessment.set(d.assessmentId, list);
  }
  return assessments
    .filter((a) => a.assessedOn <= period.end && a.unmet.length > 0)
    .filter((a) => !(onAssessment.get(a.assessmentId) ?? []).some((d) => d.decidedOn < period.start))
    .map((a) => {
      const within = (onAssessment.get(a.assessmentId) ?? []).filter((d) => d.decidedOn >= period.start).sort(byDate);
      return { assessment: a, decisions: within, status: within.length > 0 ? ('decided' as const) : ('pending' as const) };
    })
    .sort(
      (x, y) =>
        x.assessment.organisationId.localeCompare(y.assessment.organisationId) ||
        x.assessment.serviceId.localeCompare(y.assessment.serviceId) ||
        x.assessment.phase.localeCompare(y.assessment.phase),
    );
}

/** Derogations decided by the period's end that expire after it, within the next period. */
export function expiringDerogations(
  period: { end: string },
  nextPeriod: { end: string },
  decisions: readonly DecisionFact[],
): DecisionFact[] {
  return decisions
    .filter((d) => d.decision === 'derogation' && d.decidedOn <= period.end && d.until !== undefined)
    .filter((d) => d.until! > period.end && d.until! <= nextPeriod.end)
    .sort((a, b) => a.until!.localeCompare(b.until!) || a.decisionId.localeCompare(b.decisionId));
}
