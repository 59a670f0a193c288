import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeReportStatus } from './report-status.js';

const config = functionConfig('reportStatus');
const ddb = documentClient(config);

export const handler = makeReportStatus({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  ...(config.DDS_PUBLIC_REPORTS_URL ? { publicReportsUrl: config.DDS_PUBLIC_REPORTS_URL } : {}),
  logger: createLogger('reportStatus'),
});
