// The one place that builds the DynamoDB clients (S3's is in s3-client.ts, so
// a function that never touches S3 never loads its SDK at a cold start). A
// configured endpoint means a local stand-in, which needs fixed credentials.
// Every client is traced (Powertools Tracer, X-Ray subsegments per AWS call);
// outside Lambda (the local stack, the CLI, tests) the tracer is off and
// hands the client back untouched. The local processes (npm start, npm run
// dds, npm run bench) also start the X-Ray SDK in manual mode (package.json):
// in its default mode, loading it turns on an async hook that tracks every
// promise, about a sixth of the API process's CPU under load, for nothing.
import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaseConfig } from './config.js';

/** What a client needs: the region and, for a stand-in, its endpoint. */
export type ClientConfig = Pick<BaseConfig, 'AWS_REGION' | 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_S3'>;

/** One tracer per process: it only wraps clients, so the service name is the function's own (POWERTOOLS_SERVICE_NAME). */
export const tracer = new Tracer();

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * How long a call may wait. Without these, a store that stops answering, or a
 * burst that fills the socket pool (50 per client), holds a request until the
 * function times out and the caller gets a 500. With them, each attempt fails
 * in bounded time (counted from the moment it waits for a socket), the SDK
 * retries it (3 attempts), and what still fails is a 503 with Retry-After.
 */
export const DYNAMODB_HTTP = { connectionTimeout: 3_000, requestTimeout: 5_000, throwOnRequestTimeout: true } as const;

/**
 * The SDK's logger middleware builds a redacted copy of every request and
 * response (a walk over each item read) for its default logger, which logs
 * nothing; we never give it one, so the copy is only cost: some 5 % of a
 * function's CPU when it reads pages of items. A client that is ever given a
 * logger of its own must be built without this, or it will log nothing.
 */
export function withoutSdkLogging<C extends { middlewareStack: { remove(name: string): boolean } }>(client: C): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

export function dynamoClient(config: ClientConfig): DynamoDBClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return tracer.captureAWSv3Client(
    withoutSdkLogging(
      new DynamoDBClient({
        region: config.AWS_REGION,
        requestHandler: DYNAMODB_HTTP,
        ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
      }),
    ),
  );
}

/** DynamoDB items as plain objects; undefined fields are left out rather than refused. */
export function documentClient(config: ClientConfig | DynamoDBClient): DynamoDBDocumentClient {
  const client = config instanceof DynamoDBClient ? config : dynamoClient(config);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
