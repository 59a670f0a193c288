import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { dynamoCommentStore } from '../../shared/adapters/comment-store.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { feedbackSettings } from '../../shared/adapters/feedback-settings.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { makeGetFeedback } from './get-feedback.js';

const config = functionConfig('getFeedback');
const ddb = documentClient(config);

export const handler = makeGetFeedback({
  ...keyAccess(ddb, config),
  feedbackProjections: dynamoFeedbackStrategyProjections(ddb, config.resources.projections),
  comments: dynamoCommentStore(ddb, config.resources.feedbackComments),
  retentionDays: feedbackSettings().retentionDays,
  logger: createLogger('getFeedback'),
  // The one clock (design §2.1): DDS_TODAY fixes the day locally.
  now: systemClock(config.DDS_TODAY).now,
});
