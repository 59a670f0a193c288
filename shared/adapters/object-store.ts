// Report files in S3. A missing object is null, however the store says so:
// S3 answers NoSuchKey, s3rver answers some paths (an empty segment, `a//b`)
// with a plain-text 404 that the SDK cannot parse as XML.
// The report buckets are versioned in AWS (stateful stack): a file that
// showed a comment later erased lives on as a noncurrent version until it is
// deleted too. s3rver keeps no versions (and refuses to list them); a bucket
// that never had versioning has no older versions to delete.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NoSuchKey,
  PutObjectCommand,
  UploadPartCommand,
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

/** An object written but not yet visible under its key: `commit` makes it so, `discard` lets it go. */
export interface StagedObject {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface ObjectStore {
  put(bucket: string, key: string, object: ObjectToPut): Promise<void>;
  /**
   * Writes an object that no reader sees until it is committed: a page can go
   * up while the files it links to are still being written, and appear only
   * after them. A body under a part is held until then; a larger one goes up
   * in parts, and the commit completes the upload.
   */
  stage(bucket: string, key: string, object: ObjectToPut): Promise<StagedObject>;
  get(bucket: string, key: string): Promise<StoredObject | null>;
  list(bucket: string, prefix: string): Promise<string[]>;
  /**
   * Copies an object within a bucket on the store's side (its bytes never pass
   * through this process), with the content type given and the cache policy
   * of its new key.
   */
  copy(bucket: string, fromKey: string, toKey: string, contentType: string): Promise<void>;
  /** deletes every version of the key but the current one (delete markers too); answers how many were deleted */
  deleteNoncurrentVersions(bucket: string, key: string): Promise<number>;
}

/**
 * A body of at least this many bytes goes up in parts of at least this size
 * (S3's least part but the last is 5 MiB): a large report file is never held
 * whole.
 */
export const PART_BYTES = 5 * 1024 * 1024;

/** Room for one more character at the end of a part: a part is PART_BYTES to 4 bytes more. */
const PART_ROOM = PART_BYTES + 4;

const encoder = new TextEncoder();

/**
 * Part buffers, reused by the writes that follow: the text is encoded straight
 * into one, so writing a file allocates no buffers that wait for the
 * collector. One is in use per write in flight and per staged object under a
 * part (a publish: four files, pages among them, and a staged page of one part until its commit); at most SPARE_PARTS are kept.
 */
const spareParts: Uint8Array[] = [];
const SPARE_PARTS = 6;

/**
 * The UTF-8 bytes of text given in pieces, in parts of PART_BYTES to
 * PART_BYTES + 4 bytes (the last one shorter), each as soon as it is full,
 * encoded into `into`: each part must be used before the next is asked for.
 */
function* partsOf(body: Iterable<string>, into: Uint8Array): Generator<Uint8Array> {
  let used = 0;
  for (let piece of body) {
    while (piece.length > 0) {
      const { read, written } = encoder.encodeInto(piece, into.subarray(used));
      used += written;
      piece = piece.slice(read);
      // A character that does not fit is left for the next part: the part is full.
      if (used >= PART_BYTES || piece.length > 0) {
        yield into.subarray(0, used);
        used = 0;
      }
    }
  }
  yield into.subarray(0, used);
}

/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;

/** What changes at each publication (latest/, the index) is cached for minutes, a period's own files for an hour. */
const cacheControlOf = (key: string): string =>
  key.includes('/latest/') || key.endsWith('reports/index.html') ? 'max-age=300' : 'max-age=3600';

const headersOf = (bucket: string, key: string, contentType: string) => ({
  Bucket: bucket,
  Key: key,
  ContentType: contentType,
  CacheControl: cacheControlOf(key),
});

export function s3ObjectStore(client: S3Client): ObjectStore {
  async function stage(bucket: string, key: string, { body, contentType }: ObjectToPut): Promise<StagedObject> {
    const headers = headersOf(bucket, key, contentType);
    // Text in pieces: one PutObject when it stays under a part, else a multipart upload, part by part as it is made.
    const into = spareParts.pop() ?? new Uint8Array(PART_ROOM);
    let held = true;
    const release = () => {
      if (held && spareParts.length < SPARE_PARTS) spareParts.push(into);
      held = false;
    };
    // A staged object is committed or discarded once: a second use would send a buffer another write may be filling.
    let settled = false;
    const once = (what: string) => {
      if (settled) throw new Error(`staged object ${key} was already committed or discarded (${what})`);
      settled = true;
    };
    try {
      const parts = partsOf(typeof body === 'string' ? [body] : body, into);
      const first = parts.next().value!;
      if (first.length < PART_BYTES)
        // Held in its part buffer until the commit sends it.
        return {
          async commit() {
            once('commit');
            try {
              await client.send(new PutObjectCommand({ ...headers, Body: first }));
            } finally {
              release();
            }
          },
          async discard() {
            once('discard');
            release();
          },
        };
      const { UploadId } = await client.send(new CreateMultipartUploadCommand(headers));
      const abort = () => client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).then(() => undefined);
      const done: Array<{ ETag: string | undefined; PartNumber: number }> = [];
      try {
        for (let part: Uint8Array | undefined = first; part !== undefined; part = parts.next().value ?? undefined) {
          // Only the last part may be empty (a body of whole parts): S3 wants no empty part.
          if (part.length === 0 && done.length > 0) break;
          const PartNumber = done.length + 1;
          const { ETag } = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber, Body: part }));
          done.push({ ETag, PartNumber });
        }
      } catch (err) {
        // A failed upload leaves no object; its parts are let go (best effort: the error that matters is the first).
        await abort().catch(() => undefined);
        throw err;
      }
      release();
      return {
        async commit() {
          once('commit');
          try {
            await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: done } }));
          } catch (err) {
            await abort().catch(() => undefined);
            throw err;
          }
        },
        // Best effort, as above: an upload never completed shows nothing.
        async discard() {
          once('discard');
          await abort().catch(() => undefined);
        },
      };
    } catch (err) {
      release();
      throw err;
    }
  }

  return {
    async put(bucket, key, object) {
      if (typeof object.body === 'string') {
        await client.send(new PutObjectCommand({ ...headersOf(bucket, key, object.contentType), Body: object.body }));
        return;
      }
      await (await stage(bucket, key, object)).commit();
    },
    stage,
    async copy(bucket, fromKey, toKey, contentType) {
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: toKey,
          CopySource: `${bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
          // REPLACE: the copy gets its own key's cache policy, so its headers are set again here.
          MetadataDirective: 'REPLACE',
          ContentType: contentType,
          CacheControl: cacheControlOf(toKey),
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
