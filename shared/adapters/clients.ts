// The one place that builds the DynamoDB clients (S3's is in s3-client.ts, so
// a function that never touches S3 never loads its SDK at a cold start). A
// configured endpoint means a local stand-in, which needs fixed credentials.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaseConfig } from './config.js';

/** What a client needs: the region and, for a stand-in, its endpoint. */
export type ClientConfig = Pick<BaseConfig, 'AWS_REGION' | 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_S3'>;

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * How long a call may wait. Without these, a store that stops answering, or a
 * burst that fills the socket pool (50 per client), holds a request until the
 * function times out and the caller gets a 500. With them, each attempt fails
 * in bounded time (counted from the moment it waits for a socket), the SDK
 * retries it (3 attempts), and what still fails is a 503 with Retry-After.
 */
export const DYNAMODB_HTTP = { connectionTimeout: 3_000, requestTimeout: 5_000, throwOnRequestTimeout: true } as const;
export function dynamoClient(config: ClientConfig): DynamoDBClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return new DynamoDBClient({
    region: config.AWS_REGION,
    requestHandler: DYNAMODB_HTTP,
    ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

/** DynamoDB items as plain objects; undefined fields are left out rather than refused. */
export function documentClient(config: ClientConfig | DynamoDBClient): DynamoDBDocumentClient {
  const client = config instanceof DynamoDBClient ? config : dynamoClient(config);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
