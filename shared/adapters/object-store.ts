// Report files in S3. A missing object is null, however the store says so:
// S3 answers NoSuchKey, s3rver answers some paths (an empty segment, `a//b`)
// with a plain-text 404 that the SDK cannot parse as XML.
// The report buckets are versioned in AWS (stateful stack): a file that
// showed a comment later erased lives on as a noncurrent version until it is
// deleted too. s3rver keeps no versions (and refuses to list them); a bucket
// that never had versioning has no older versions to delete.
import {
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface StoredObject {
  body: string;
  contentType: string;
}

/** What is written: the text whole, or in pieces that are encoded as they come (a large report file is never one string). */
export interface ObjectToPut {
  body: string | Iterable<string>;
  contentType: string;
}

export interface ObjectStore {
  put(bucket: string, key: string, object: ObjectToPut): Promise<void>;
  get(bucket: string, key: string): Promise<StoredObject | null>;
  list(bucket: string, prefix: string): Promise<string[]>;
  /** deletes every version of the key but the current one (delete markers too); answers how many were deleted */
  deleteNoncurrentVersions(bucket: string, key: string): Promise<number>;
}

/** Text is gathered to about this many characters before it is encoded: many small pieces, few buffers. */
const ENCODE_AT = 64 * 1024;

/** The UTF-8 bytes of text given in pieces: the pieces are encoded and let go as they come. */
function bytesOf(body: Iterable<string>): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  let pending = '';
  const encode = () => {
    const bytes = Buffer.from(pending, 'utf-8');
    parts.push(bytes);
    length += bytes.length;
    pending = '';
  };
  for (const piece of body) {
    pending += piece;
    if (pending.length >= ENCODE_AT) encode();
  }
  encode();
  return Buffer.concat(parts, length);
}

/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;

export function s3ObjectStore(client: S3Client): ObjectStore {
  return {
    async put(bucket, key, { body, contentType }) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: typeof body === 'string' ? body : bytesOf(body),
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
    async deleteNoncurrentVersions(bucket, key) {
      const versioning = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
      // Never versioned (s3rver, or a bucket made without it): only the current object exists.
      if (versioning.Status !== 'Enabled' && versioning.Status !== 'Suspended') return 0;
      const old: Array<{ Key: string; VersionId: string }> = [];
      let keyMarker: string | undefined;
      let versionMarker: string | undefined;
      do {
        const page = await client.send(
          new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, KeyMarker: keyMarker, VersionIdMarker: versionMarker }),
        );
        // The prefix also finds longer keys (index.html.bak): only this key's own versions go.
        for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
          if (v.Key === key && v.VersionId && !v.IsLatest) old.push({ Key: key, VersionId: v.VersionId });
        keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
      } while (keyMarker !== undefined);
      for (let n = 0; n < old.length; n += DELETE_BATCH) {
        const out = await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: old.slice(n, n + DELETE_BATCH), Quiet: true } }),
        );
        // A version left behind still holds what was erased: say so rather than report success.
        if ((out.Errors ?? []).length > 0)
          throw new Error(`could not delete ${out.Errors!.length} older version(s) of ${key}: ${out.Errors![0]!.Code ?? 'unknown error'}`);
      }
      return old.length;
    },
  };
}
