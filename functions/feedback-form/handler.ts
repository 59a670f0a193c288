import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { feedbackSettings } from '../../shared/adapters/feedback-settings.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoServiceDirectory } from '../../shared/adapters/service-directory.js';
import { makeFeedbackForm } from './feedback-form.js';

const config = functionConfig('feedbackForm');
const ddb = documentClient(config);

export const handler = makeFeedbackForm({
  services: dynamoServiceDirectory(ddb, config.resources.submissions, config.resources.projections),
  retentionDays: feedbackSettings().retentionDays,
  logger: createLogger('feedbackForm'),
});
