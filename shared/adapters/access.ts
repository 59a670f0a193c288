// What every authenticated function needs from the control table: the key
// lookup (cached per container) and the per-key request counter.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cachedKeyStore, dynamoKeyStore, type KeyStore } from './key-store.js';
import { dynamoRateLimiter, type RateLimiter } from './rate-limiter.js';

export function keyAccess(
  ddb: DynamoDBClient,
  config: { resources: { control: string }; DDS_RATE_LIMIT_PER_MINUTE: number },
): { keys: KeyStore; limiter: RateLimiter } {
  return {
    keys: cachedKeyStore(dynamoKeyStore(ddb, config.resources.control)),
    limiter: dynamoRateLimiter(ddb, config.resources.control, { perMinute: config.DDS_RATE_LIMIT_PER_MINUTE }),
  };
}
