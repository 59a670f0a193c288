// POST /v1/plans — an adapter of submitPlan.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { idempotencyKeyOf, json, readJsonBody } from '../../shared/adapters/http.js';
import { submitPlan, type SubmitPlanDeps } from '../../shared/use-cases/submit-plan.js';

export type SubmitPlanFunctionDeps = GuardDeps & SubmitPlanDeps & { logger: Logger };

export function makeSubmitPlan(deps: SubmitPlanFunctionDeps) {
  return guardedHttpFunction('submitPlan', deps, async (event, caller) => {
    const { replayed, result } = await submitPlan(deps, caller, readJsonBody(event), idempotencyKeyOf(event));
    if (!replayed) deps.logger.info('plan stored', { ...result, keyId: caller.keyId });
    return json(replayed ? 200 : 201, result);
  });
}
