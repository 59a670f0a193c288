// The one place that builds each AWS client. A configured endpoint means a
// local stand-in (DynamoDB Local, s3rver), which needs fixed credentials and,
// for s3rver, path-style addressing and checksums only when required.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { S3Client } from '@aws-sdk/client-s3';
import type { BaseConfig } from './config.js';

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function dynamoClient(config: BaseConfig): DynamoDBClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return new DynamoDBClient({
    region: config.AWS_REGION,
    ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function dynamoStreamsClient(config: BaseConfig): DynamoDBStreamsClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return new DynamoDBStreamsClient({
    region: config.AWS_REGION,
    ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function s3Client(config: BaseConfig): S3Client {
  const endpoint = config.AWS_ENDPOINT_URL_S3;
  return new S3Client({
    region: config.AWS_REGION,
    ...(endpoint
      ? {
          endpoint,
          credentials: LOCAL_CREDENTIALS,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}
