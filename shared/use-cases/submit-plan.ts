// A provider posts its yearly plan: scoped to its own organisation, validated,
// stored as the next version of that organisation's plan for the year (a
// correction replaces the earlier plan whole).
import type { Caller } from '../domain/access.js';
import { validatePlan } from '../domain/lifecycle/plan.js';
import { hashRequest, type SubmissionStore } from '../adapters/submission-store.js';
import { invalid, Refusal } from './refusal.js';
import { keyReused, type Submitted } from './idempotent-submission.js';

export interface SubmitPlanDeps {
  submissions: SubmissionStore;
  now: () => Date;
  today: () => string;
  newId: () => string;
}

export interface PlanReceipt {
  planId: string;
  version: number;
}

export async function submitPlan(
  deps: SubmitPlanDeps,
  caller: Caller,
  body: unknown,
  idempotencyKey?: string,
): Promise<Submitted<PlanReceipt>> {
  const claimedOrg = (body as { organisationId?: unknown } | null)?.organisationId;
  if (caller.role === 'service-provider' && typeof claimedOrg === 'string' && claimedOrg !== caller.organisationId) {
    throw new Refusal('forbidden', 'forbidden', `this key may only submit for organisation ${caller.organisationId ?? '(none)'}`, [
      { path: 'organisationId', message: 'not the organisation of this key' },
    ]);
  }
  const validation = validatePlan(body, { today: deps.today() });
  if (!validation.ok) throw invalid('invalid_plan', 'the plan', validation.problems);
  const { organisationId, year, services } = validation.value;
  const submittedAt = deps.now().toISOString();
  const planId = deps.newId();
  const eventId = deps.newId();
  const outcome = await deps.submissions.putPlan((version) => ({
    event: {
      metadata: { eventId, type: 'PlanSubmitted', version: 1, occurredAt: submittedAt },
      payload: { planId, version, organisationId, year, submittedAt, services },
    },
    ...(idempotencyKey === undefined
      ? {}
      : { idempotency: { scope: organisationId, key: idempotencyKey, requestHash: hashRequest(body), response: { planId, version } } }),
  }));
  if (outcome.kind === 'key-reused') throw keyReused();
  if (outcome.kind === 'replay') return { replayed: true, result: outcome.response as PlanReceipt };
  return { replayed: false, result: { planId, version: outcome.version! } };
}
