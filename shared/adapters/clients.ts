// The one place that builds each AWS client. A configured endpoint means a
// local stand-in (DynamoDB Local, s3rver), which needs fixed credentials and,
// for s3rver, path-style addressing and checksums only when required. Every
// client is traced here (Powertools Tracer, X-Ray subsegments per AWS call);
// outside Lambda (the local stack, the CLI, tests) the tracer is off and
// hands the client back untouched.
import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
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
/** Report files can be large: more time per request, the same fast failure to connect. */
export const S3_HTTP = { connectionTimeout: 3_000, requestTimeout: 30_000, throwOnRequestTimeout: true } as const;

export function dynamoClient(config: ClientConfig): DynamoDBClient {
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB;
  return tracer.captureAWSv3Client(
    new DynamoDBClient({
      region: config.AWS_REGION,
      requestHandler: DYNAMODB_HTTP,
      ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
    }),
  );
}

/** DynamoDB items as plain objects; undefined fields are left out rather than refused. */
export function documentClient(config: ClientConfig | DynamoDBClient): DynamoDBDocumentClient {
  const client = config instanceof DynamoDBClient ? config : dynamoClient(config);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function s3Client(config: ClientConfig): S3Client {
  const endpoint = config.AWS_ENDPOINT_URL_S3;
  return tracer.captureAWSv3Client(
    new S3Client({
      region: config.AWS_REGION,
      requestHandler: S3_HTTP,
      ...(endpoint
        ? {
            endpoint,
            credentials: LOCAL_CREDENTIALS,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }
        : {}),
    }),
  );
}
