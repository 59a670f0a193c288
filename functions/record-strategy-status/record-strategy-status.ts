// POST /v1/actions/{n}/status and POST /v1/support-tools/{id}/status — an
// adapter: the committee records the progress of the action plan.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json, readJsonBody } from '../../shared/adapters/http.js';
import { recordStrategyStatus, type RecordStatusDeps, type StatusSubject } from '../../shared/use-cases/record-strategy-status.js';

export type RecordStrategyStatusDeps = GuardDeps & RecordStatusDeps & { logger: Logger };

export function makeRecordStrategyStatus(deps: RecordStrategyStatusDeps) {
  return guardedHttpFunction('recordStrategyStatus', deps, async (event, caller) => {
    const subject: StatusSubject = event.routeKey.startsWith('POST /v1/actions/')
      ? { kind: 'action', n: event.pathParameters?.n ?? '' }
      : { kind: 'support-tool', id: event.pathParameters?.id ?? '' };
    const result = await recordStrategyStatus(deps, subject, readJsonBody(event));
    deps.logger.info('status recorded', { subject, status: result.status, changeId: result.changeId, by: caller.keyId });
    return json(201, result);
  });
}
