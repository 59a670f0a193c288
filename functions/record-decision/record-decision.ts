// POST /v1/decisions — an adapter of recordDecision.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json, readJsonBody } from '../../shared/adapters/http.js';
import { recordDecision, type RecordDecisionDeps } from '../../shared/use-cases/record-decision.js';

export type RecordDecisionFunctionDeps = GuardDeps & RecordDecisionDeps & { logger: Logger };

export function makeRecordDecision(deps: RecordDecisionFunctionDeps) {
  return guardedHttpFunction('recordDecision', deps, async (event, caller) => {
    const result = await recordDecision(deps, caller, readJsonBody(event));
    deps.logger.info('decision recorded', { ...result, keyId: caller.keyId });
    return json(201, result);
  });
}
