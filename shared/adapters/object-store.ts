// Report files in S3. A missing object is null, however the store says so:
// S3 answers NoSuchKey, s3rver answers some paths (an empty segment, `a//b`)
// with a plain-text 404 that the SDK cannot parse as XML.
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface StoredObject {
  body: string;
  contentType: string;
}

export interface ObjectStore {
  put(bucket: string, key: string, object: StoredObject): Promise<void>;
  get(bucket: string, key: string): Promise<StoredObject | null>;
  list(bucket: string, prefix: string): Promise<string[]>;
}

export function s3ObjectStore(client: S3Client): ObjectStore {
  return {
    async put(bucket, key, { body, contentType }) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          CacheControl: key.includes('/latest/') || key.endsWith('reports/index.html') ? 'max-age=300' : 'max-age=3600',
        }),
      );
    },
    async get(bucket, key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { body: (await out.Body?.transformToString('utf-8')) ?? '', contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (err instanceof NoSuchKey || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
        throw err;
      }
    },
    async list(bucket, prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys;
    },
  };
}
