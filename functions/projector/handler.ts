import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoFailureNotes } from '../../shared/adapters/failure-notes.js';
import { dynamoFeedbackStrategyEvents } from '../../shared/adapters/feedback-store.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeProjector } from './projector.js';

const config = functionConfig('projector');
const ddb = documentClient(config);

export const handler = makeProjector({
  submissions: dynamoSubmissionStore(ddb, { submissions: config.resources.submissions }),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  failures: dynamoFailureNotes(ddb, config.resources.control),
  feedback: {
    events: dynamoFeedbackStrategyEvents(ddb, { submissions: config.resources.submissions }),
    projections: dynamoFeedbackStrategyProjections(ddb, config.resources.projections),
  },
  logger: createLogger('projector'),
  metrics: functionMetrics('projector'),
});
