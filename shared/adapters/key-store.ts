// API keys: random, shown once, stored only as a SHA-256 hash (keys carry 256
// bits of entropy, so a fast hash is enough), each bound to one role and scope.
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, paginateScan, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../domain/vocabulary.js';

export interface Principal {
  keyId: string;
  role: Role;
  organisationId?: string;
  eloketId?: string;
}

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const KEY_FORMAT = /^dds_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

export interface KeyStore {
  create(input: Omit<Principal, 'keyId'> & { label?: string }): Promise<{ key: string; principal: Principal }>;
  lookup(key: string): Promise<Principal | null>;
}

/** What an operator may see of a stored key: never its hash. */
export interface KeyRecord extends Principal {
  label: string;
  createdAt: string;
}

/** Key management for operators (the CLI); the API only needs KeyStore. */
export interface KeyAdmin {
  /** every key, oldest first */
  list(): Promise<KeyRecord[]>;
  /** deletes the key(s) with this id; returns what was deleted (empty when none) */
  revoke(keyId: string): Promise<KeyRecord[]>;
}

const keyRecord = (item: Record<string, unknown>): KeyRecord => {
  const r: KeyRecord = {
    keyId: String(item.keyId),
    role: item.role as Role,
    label: typeof item.label === 'string' ? item.label : '',
    createdAt: typeof item.createdAt === 'string' ? item.createdAt : '',
  };
  if (typeof item.organisationId === 'string') r.organisationId = item.organisationId;
  if (typeof item.eloketId === 'string') r.eloketId = item.eloketId;
  return r;
};

export function dynamoKeyStore(client: DynamoDBDocumentClient, table: string, now: () => Date = () => new Date()): KeyStore & KeyAdmin {
  // Keys live under their hash (pk KEY#<sha256>), so listing them is a scan of the control table for sk = KEY.
  const scanKeys = async (keyId?: string): Promise<Array<{ pk: string; record: KeyRecord }>> => {
    const found: Array<{ pk: string; record: KeyRecord }> = [];
    const pages = paginateScan(
      { client },
      {
        TableName: table,
        FilterExpression: keyId === undefined ? 'sk = :key' : 'sk = :key AND keyId = :id',
        ExpressionAttributeValues: { ':key': 'KEY', ...(keyId === undefined ? {} : { ':id': keyId }) },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) found.push({ pk: String(item.pk), record: keyRecord(item) });
    return found;
  };
  return {
    async list() {
      return (await scanKeys())
        .map((k) => k.record)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
    },
    async revoke(keyId) {
      const found = await scanKeys(keyId);
      for (const k of found) await client.send(new DeleteCommand({ TableName: table, Key: { pk: k.pk, sk: 'KEY' } }));
      return found.map((k) => k.record);
    },
    async create(input) {
      const keyId = randomBytes(4).toString('hex');
      const key = `dds_${keyId}_${randomBytes(32).toString('base64url')}`;
      const principal: Principal = { keyId, role: input.role };
      if (input.organisationId) principal.organisationId = input.organisationId;
      if (input.eloketId) principal.eloketId = input.eloketId;
      await client.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: `KEY#${hashKey(key)}`,
            sk: 'KEY',
            ...principal,
            label: input.label ?? '',
            createdAt: now().toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { key, principal };
    },
    async lookup(key) {
      if (!KEY_FORMAT.test(key)) return null;
      const out = await client.send(new GetCommand({ TableName: table, Key: { pk: `KEY#${hashKey(key)}`, sk: 'KEY' } }));
      const item = out.Item;
      if (!item) return null;
      const principal: Principal = { keyId: String(item.keyId), role: item.role as Role };
      if (typeof item.organisationId === 'string') principal.organisationId = item.organisationId;
      if (typeof item.eloketId === 'string') principal.eloketId = item.eloketId;
      return principal;
    },
  };
}

/**
 * Remembers keys found for a short while, per Lambda container, so a burst of
 * requests with one key costs one lookup. Unknown keys are never remembered.
 */
export function cachedKeyStore(inner: KeyStore, ttlMs = 60_000, now: () => number = Date.now): KeyStore {
  const cache = new Map<string, { principal: Principal; until: number }>();
  return {
    create: (input) => inner.create(input),
    async lookup(key) {
      const hit = cache.get(key);
      if (hit && hit.until > now()) return hit.principal;
      const principal = await inner.lookup(key);
      if (principal) {
        if (cache.size >= 1000) cache.clear();
        cache.set(key, { principal, until: now() + ttlMs });
      } else cache.delete(key);
      return principal;
    },
  };
}
