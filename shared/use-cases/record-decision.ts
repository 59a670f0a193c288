// The committee records a decision on an assessment (seed §3.2.2). The
// assessment must exist (404); the decision is dated the day it is recorded
// and stored as its event, like every other submission.
import type { DecisionRecordedV1 } from '../../events/decision-recorded.js';
import type { Caller } from '../domain/access.js';
import { validateDecision } from '../domain/lifecycle/decision.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { invalid, Refusal } from './refusal.js';

/** Where an assessment lives and what it left unmet, found by its id. */
export interface AssessmentIndex {
  findAssessment(assessmentId: string): Promise<{ organisationId: string; serviceId: string; unmet: readonly string[] } | null>;
}

export interface RecordDecisionDeps {
  submissions: SubmissionStore;
  assessments: AssessmentIndex;
  now: () => Date;
  today: () => string;
  newId: () => string;
}

export async function recordDecision(
  deps: RecordDecisionDeps,
  caller: Caller,
  body: unknown,
): Promise<{ decisionId: string; decidedOn: string }> {
  const assessmentId = (body as { assessmentId?: unknown } | null)?.assessmentId;
  const found = typeof assessmentId === 'string' && assessmentId.length <= 64 ? await deps.assessments.findAssessment(assessmentId) : null;
  if (typeof assessmentId === 'string' && assessmentId.length <= 64 && !found) {
    throw new Refusal(
      'not_found',
      'not_found',
      `no assessment ${assessmentId} is known (yet: a new assessment is known once it is projected)`,
      [{ path: 'assessmentId', message: 'no such assessment' }],
    );
  }
  const today = deps.today();
  const validation = validateDecision(body, { today, unmet: found?.unmet ?? null });
  if (!validation.ok) throw invalid('invalid_decision', 'the decision', validation.problems);
  if (!found) throw new Error('validated a decision without its assessment');
  const d = validation.value;
  const recordedAt = deps.now().toISOString();
  const event: DecisionRecordedV1 = {
    metadata: { eventId: deps.newId(), type: 'DecisionRecorded', version: 1, occurredAt: recordedAt },
    payload: {
      decisionId: deps.newId(),
      assessmentId: d.assessmentId,
      organisationId: found.organisationId,
      serviceId: found.serviceId,
      decision: d.decision,
      criteria: d.criteria,
      ...(d.until !== undefined ? { until: d.until } : {}),
      ...(d.note !== undefined ? { note: d.note } : {}),
      decidedOn: today,
      recordedAt,
      decidedBy: caller.keyId,
    },
  };
  await deps.submissions.putDecision(event);
  return { decisionId: event.payload.decisionId, decidedOn: today };
}
