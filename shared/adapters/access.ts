// What every guarded function needs from the control table: the key lookup
// (cached per container), the per-key request counter and the per-client
// counter of failed authentications.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GuardDeps } from './http-function.js';
import { cachedKeyStore, dynamoKeyStore } from './key-store.js';
import { dynamoAuthFailureThrottle, dynamoRateLimiter } from './rate-limiter.js';

export function keyAccess(
  ddb: DynamoDBDocumentClient,
  config: { resources: { control: string }; DDS_RATE_LIMIT_PER_MINUTE: number; DDS_AUTH_FAILURES_PER_MINUTE: number },
): GuardDeps {
  return {
    keys: cachedKeyStore(dynamoKeyStore(ddb, config.resources.control)),
    limiter: dynamoRateLimiter(ddb, config.resources.control, { perMinute: config.DDS_RATE_LIMIT_PER_MINUTE }),
    authFailures: dynamoAuthFailureThrottle(ddb, config.resources.control, { perMinute: config.DDS_AUTH_FAILURES_PER_MINUTE }),
  };
}
