// A provider submits an assessment: scope it to the caller's organisation,
// validate it, score it and store it (once per idempotency key).
import { acceptAssessment, type AssessmentResult } from '../domain/accept-assessment.js';
import type { Caller } from '../domain/access.js';
import { validateAssessment } from '../domain/assessment.js';
import type { IndicatorCatalogs } from '../adapters/indicator-catalog-store.js';
import { hashRequest, type SubmissionStore } from '../adapters/submission-store.js';
import { keyReused, type Submitted } from './idempotent-submission.js';
import { invalid, Refusal } from './refusal.js';

export interface SubmitAssessmentDeps {
  submissions: SubmissionStore;
  now: () => Date;
  /** the date in Brussels (the one clock, design §2.1) */
  today: () => string;
  newId: () => string;
  /** the operational-indicator catalog versions the measures are checked against */
  indicatorCatalogs: IndicatorCatalogs;
}

const touchesMeasures = (path: string) => path === 'indicatorCatalogVersion' || path.startsWith('measures');

/**
 * Validates against the indicator catalogs as last read; when a measure or its
 * version is refused, reads them again first (an import may have published a
 * version since), so a refusal never rests on an old read.
 */
async function validate(deps: SubmitAssessmentDeps, body: unknown) {
  const named = (body as { measures?: unknown; indicatorCatalogVersion?: unknown } | null) ?? {};
  if (named.measures === undefined && named.indicatorCatalogVersion === undefined) return validateAssessment(body, { today: deps.today() });
  const first = validateAssessment(body, { today: deps.today(), indicatorCatalogs: await deps.indicatorCatalogs.all() });
  if (first.ok || !first.problems.some((p) => touchesMeasures(p.path))) return first;
  return validateAssessment(body, { today: deps.today(), indicatorCatalogs: await deps.indicatorCatalogs.all({ fresh: true }) });
}

export async function submitAssessment(
  deps: SubmitAssessmentDeps,
  caller: Caller,
  body: unknown,
  idempotencyKey?: string,
): Promise<Submitted<AssessmentResult>> {
  // The organisation comes from the key: a body naming another one is refused outright.
  const claimedOrg = (body as { organisationId?: unknown } | null)?.organisationId;
  if (caller.role === 'service-provider' && typeof claimedOrg === 'string' && claimedOrg !== caller.organisationId) {
    throw new Refusal('forbidden', 'forbidden', `this key may only submit for organisation ${caller.organisationId ?? '(none)'}`, [
      { path: 'organisationId', message: 'not the organisation of this key' },
    ]);
  }
  const validation = await validate(deps, body);
  if (!validation.ok) throw invalid('invalid_assessment', 'the assessment', validation.problems);
  const submission = validation.value;
  const { event, result } = acceptAssessment(submission, {
    assessmentId: deps.newId(),
    eventId: deps.newId(),
    submittedAt: deps.now().toISOString(),
  });
  const outcome = await deps.submissions.putAssessment(
    event,
    idempotencyKey === undefined
      ? undefined
      : { scope: submission.organisationId, key: idempotencyKey, requestHash: hashRequest(body), response: result },
  );
  if (outcome.kind === 'key-reused') throw keyReused();
  if (outcome.kind === 'replay') return { replayed: true, result: outcome.response as AssessmentResult };
  return { replayed: false, result };
}
