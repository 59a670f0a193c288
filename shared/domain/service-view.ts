// What a provider (or the committee) reads of one service, now: its latest
// `pre` and `post` (latest assessedOn, ties broken by the later submission so
// a resubmission corrects), its history newest first, the committee's
// decisions on its assessments, and whether it is significant.
import type { AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import type { PlannedEntry } from './as-of.js';
import { newestFirst } from './assessment-row.js';
import type { Phase } from './assessment.js';
import { catalogFor } from './catalog.js';
import type { DecisionFact, DecisionKind } from './lifecycle/agenda.js';
import { scoreAnswers, type Bands, type Scores } from './scoring.js';
import { significanceOf, type Significance } from './significance.js';

/** An assessment as stored, in the current event version's shape (older versions upcast). */
export interface StoredAssessment {
  assessmentId: string;
  submittedAt: string;
  submission: AssessmentSubmittedV2['payload']['submission'];
}

interface Scored {
  assessmentId: string;
  assessedOn: string;
  scores: Scores;
  bands: Bands;
}

export interface ServiceView {
  organisationId: string;
  serviceId: string;
  name: string;
  significant: Significance;
  pre: Scored | null;
  post: Scored | null;
  history: Array<{ assessmentId: string; phase: Phase; assessedOn: string; submittedAt: string }>;
  decisions: Array<{
    decisionId: string;
    assessmentId: string;
    decision: DecisionKind;
    criteria: string[];
    until?: string;
    note?: string;
    decidedOn: string;
  }>;
}

const order = (a: StoredAssessment, b: StoredAssessment) =>
  newestFirst(
    { assessedOn: a.submission.assessedOn, submittedAt: a.submittedAt },
    { assessedOn: b.submission.assessedOn, submittedAt: b.submittedAt },
  );

function scored(a: StoredAssessment | undefined): Scored | null {
  if (!a) return null;
  const catalog = catalogFor(a.submission.catalogVersion);
  if (!catalog) throw new Error(`stored assessment ${a.assessmentId} has unknown catalog ${a.submission.catalogVersion}`);
  return { assessmentId: a.assessmentId, assessedOn: a.submission.assessedOn, ...scoreAnswers(catalog, a.submission.answers) };
}

/** The view of a service from what is stored; null when nothing is known of it. */
export function serviceView(
  id: { organisationId: string; serviceId: string },
  stored: readonly StoredAssessment[],
  decisions: ReadonlyArray<DecisionFact & { recordedAt: string }>,
  plan: PlannedEntry | null,
): ServiceView | null {
  if (stored.length === 0 && !plan) return null;
  const sorted = [...stored].sort(order);
  const latest = sorted[0];
  return {
    ...id,
    name: latest?.submission.service.name ?? plan!.name,
    significant: significanceOf(latest?.submission.service, plan),
    pre: scored(sorted.find((a) => a.submission.phase === 'pre')),
    post: scored(sorted.find((a) => a.submission.phase === 'post')),
    history: sorted.map((a) => ({
      assessmentId: a.assessmentId,
      phase: a.submission.phase,
      assessedOn: a.submission.assessedOn,
      submittedAt: a.submittedAt,
    })),
    decisions: [...decisions]
      .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.recordedAt.localeCompare(a.recordedAt))
      .map((d) => ({
        decisionId: d.decisionId,
        assessmentId: d.assessmentId,
        decision: d.decision,
        criteria: d.criteria,
        ...(d.until !== undefined ? { until: d.until } : {}),
        ...(d.note !== undefined ? { note: d.note } : {}),
        decidedOn: d.decidedOn,
      })),
  };
}
