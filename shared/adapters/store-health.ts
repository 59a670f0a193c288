// GET /health checks the stores the API depends on (design §3): one cheap read
// of DynamoDB (a key that never exists, in the control table every guarded
// request reads) and of S3 (one key of the public bucket), each in bounded time.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeStoreError } from './store-faults.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { dynamodb: string; s3: string };
}

export type HealthCheck = () => Promise<HealthReport>;

async function probe(call: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<string> {
  try {
    await call(AbortSignal.timeout(timeoutMs));
    return 'ok';
  } catch (err) {
    return describeStoreError(err);
  }
}

export function storeHealth(deps: {
  doc: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
  timeoutMs?: number;
}): HealthCheck {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  return async () => {
    const [dynamodb, s3] = await Promise.all([
      probe(
        (abortSignal) => deps.doc.send(new GetCommand({ TableName: deps.table, Key: { pk: 'HEALTH', sk: 'HEALTH' } }), { abortSignal }),
        timeoutMs,
      ),
      probe(
        (abortSignal) => deps.s3.send(new ListObjectsV2Command({ Bucket: deps.bucket, Prefix: 'reports/', MaxKeys: 1 }), { abortSignal }),
        timeoutMs,
      ),
    ]);
    return { status: dynamodb === 'ok' && s3 === 'ok' ? 'ok' : 'degraded', checks: { dynamodb, s3 } };
  };
}
