// DynamoDB Streams is read only by the local poller (in AWS the event source
// mapping reads it), so its client lives here and its package is a dev dependency.
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_CREDENTIALS, withoutSdkLogging, type ClientConfig } from '../../shared/adapters/clients.js';

export function dynamoStreamsClient(config: ClientConfig): DynamoDBStreamsClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return withoutSdkLogging(
    new DynamoDBStreamsClient({ region: config.AWS_REGION, ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}) }),
  );
}
