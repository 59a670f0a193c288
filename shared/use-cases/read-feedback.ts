// A service's feedback for a period, for its owner and the committee: the
// figures from the projections, the comments from their own table (expired
// ones skipped).
import { mayReadOrganisation, type Caller } from '../domain/access.js';
import { serviceFeedbackView, type ServiceFeedbackView } from '../domain/feedback/service-feedback.js';
import { parsePeriod } from '../domain/periods.js';
import type { Problem } from '../domain/problems.js';
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { CommentStore } from '../adapters/comment-store.js';
import type { FeedbackStrategyProjections } from '../adapters/feedback-strategy-projections.js';
import { Refusal } from './refusal.js';

export interface ReadFeedbackDeps {
  feedbackProjections: FeedbackStrategyProjections;
  comments: CommentStore;
  now: () => Date;
  retentionDays: number;
}

export async function readFeedback(
  deps: ReadFeedbackDeps,
  caller: Caller,
  organisationId: string,
  serviceId: string,
  periodId: string | undefined,
): Promise<ServiceFeedbackView> {
  if (!mayReadOrganisation(caller, organisationId))
    throw new Refusal('forbidden', 'forbidden', 'this key may only read the feedback of its own organisation');
  const problems: Problem[] = [];
  if (!organisationIdSchema.safeParse(organisationId).success)
    problems.push({ path: 'organisationId', message: 'not a valid organisation id' });
  if (!slugSchema.safeParse(serviceId).success) problems.push({ path: 'serviceId', message: 'not a valid service id' });
  const period = periodId === undefined ? undefined : parsePeriod(periodId);
  if (!period)
    problems.push({
      path: 'period',
      message: periodId === undefined ? 'required: YYYY, YYYY-Qn or YYYY-MM' : 'a period is YYYY, YYYY-Qn or YYYY-MM',
    });
  if (problems.length > 0 || !period) throw new Refusal('invalid', 'invalid_request', 'the request is not valid', problems);
  const [{ months, aggregates }, comments] = await Promise.all([
    deps.feedbackProjections.serviceFeedback(organisationId, serviceId, String(period.year)),
    deps.comments.list(organisationId, serviceId, period, deps.now()),
  ]);
  return serviceFeedbackView({ organisationId, serviceId, period, months, aggregates, comments, retentionDays: deps.retentionDays });
}
