// Deleting the older versions of a report file, against a mocked S3 client:
// s3rver keeps no versions, so the stand-in cannot show this (design §6); the
// CDK template test shows the buckets keep versions in AWS.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { PART_BYTES, s3ObjectStore } from '../../shared/adapters/object-store.js';

const KEY = 'committee/2026/index.html';

/** An S3 client that answers from a script and records every command it was sent. */
function mockS3(o: {
  status?: 'Enabled' | 'Suspended';
  pages: Array<Partial<ListObjectVersionsCommandOutput>>;
  deleteErrors?: boolean;
  failPart?: number;
}) {
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  let page = 0;
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      // A body as it was when sent: the store reuses its part buffers once a write is done.
      const body = command.input.Body;
      sent.push({
        name: command.constructor.name,
        input: body instanceof Uint8Array ? { ...command.input, Body: Buffer.from(body) } : command.input,
      });
      if (command instanceof GetBucketVersioningCommand) return o.status ? { Status: o.status } : {};
      if (command instanceof ListObjectVersionsCommand) return o.pages[page++] ?? {};
      if (command instanceof PutObjectCommand) return {};
      if (command instanceof CreateMultipartUploadCommand) return { UploadId: 'u1' };
      if (command instanceof UploadPartCommand) {
        if (command.input.PartNumber === o.failPart) throw new Error('part refused');
        return { ETag: `"e${command.input.PartNumber}"` };
      }
      if (command instanceof CompleteMultipartUploadCommand || command instanceof AbortMultipartUploadCommand) return {};
      if (command instanceof DeleteObjectsCommand)
        return o.deleteErrors ? { Errors: [{ Key: KEY, VersionId: 'v1', Code: 'AccessDenied' }] } : {};
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  } as unknown as S3Client;
  return { client, sent };
}

const version = (VersionId: string, IsLatest = false, Key = KEY) => ({ Key, VersionId, IsLatest });

describe('deleting the older versions of a report file', () => {
  it('deletes every version of the key but the current one, delete markers too, page after page', async () => {
    const { client, sent } = mockS3({
      status: 'Enabled',
      pages: [
        {
          Versions: [version('v3', true), version('v2'), version('x1', false, `${KEY}.bak`)],
          DeleteMarkers: [version('m1')],
          IsTruncated: true,
          NextKeyMarker: KEY,
          NextVersionIdMarker: 'm1',
        },
        { Versions: [version('v1')], IsTruncated: false },
      ],
    });
    expect(await s3ObjectStore(client).deleteNoncurrentVersions('committee-bucket', KEY)).toBe(3);
    expect(sent.map((c) => c.name)).toEqual([
      'GetBucketVersioningCommand',
      'ListObjectVersionsCommand',
      'ListObjectVersionsCommand',
      'DeleteObjectsCommand',
    ]);
    expect(sent[1]!.input).toEqual({ Bucket: 'committee-bucket', Prefix: KEY, KeyMarker: undefined, VersionIdMarker: undefined });
    expect(sent[2]!.input).toEqual({ Bucket: 'committee-bucket', Prefix: KEY, KeyMarker: KEY, VersionIdMarker: 'm1' });
    // Never the current version, never another key that shares the prefix.
    expect(sent[3]!.input).toEqual({
      Bucket: 'committee-bucket',
      Delete: {
        Objects: [
          { Key: KEY, VersionId: 'v2' },
          { Key: KEY, VersionId: 'm1' },
          { Key: KEY, VersionId: 'v1' },
        ],
        Quiet: true,
      },
    });
  });

  it('deletes at most 1,000 versions a request', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => version(`v${i}`));
    const { client, sent } = mockS3({ status: 'Suspended', pages: [{ Versions: [version('now', true), ...many] }] });
    expect(await s3ObjectStore(client).deleteNoncurrentVersions('b', KEY)).toBe(1500);
    const deletes = sent
      .filter((c) => c.name === 'DeleteObjectsCommand')
      .map((c) => (c.input.Delete as { Objects: unknown[] }).Objects.length);
    expect(deletes).toEqual([1000, 500]);
  });

  it('lists nothing in a bucket that never kept versions (as s3rver)', async () => {
    const { client, sent } = mockS3({ pages: [] });
    expect(await s3ObjectStore(client).deleteNoncurrentVersions('b', KEY)).toBe(0);
    expect(sent.map((c) => c.name)).toEqual(['GetBucketVersioningCommand']);
  });

  it('fails when S3 could not delete a version: what it holds is not gone', async () => {
    const { client } = mockS3({ status: 'Enabled', pages: [{ Versions: [version('v2', true), version('v1')] }], deleteErrors: true });
    await expect(s3ObjectStore(client).deleteNoncurrentVersions('b', KEY)).rejects.toThrow(
      'could not delete 1 older version(s) of committee/2026/index.html: AccessDenied',
    );
  });
});

describe('writing a report file given in pieces', () => {
  it('sends the UTF-8 bytes of the pieces joined, as one object with its type', async () => {
    const { client, sent } = mockS3({ pages: [] });
    const pieces = ['{"naam":"vóór', '— ☃"', ...Array.from({ length: 3000 }, (_, i) => `,${'x'.repeat(i % 97)}`), '}\n'];
    await s3ObjectStore(client).put('public-bucket', 'reports/2026-Q3/report.json', {
      body: pieces.values(),
      contentType: 'application/json; charset=utf-8',
    });
    expect(sent.map((c) => c.name)).toEqual(['PutObjectCommand']);
    const { Body, ...rest } = sent[0]!.input;
    expect((Body as Buffer).equals(Buffer.from(pieces.join(''), 'utf-8'))).toBe(true);
    expect(rest).toEqual({
      Bucket: 'public-bucket',
      Key: 'reports/2026-Q3/report.json',
      ContentType: 'application/json; charset=utf-8',
      CacheControl: 'max-age=3600',
    });
  });
});

describe('writing a report file larger than a part', () => {
  const pieces = () =>
    Array.from({ length: 2 * 1024 + 5 }, (_, i) => `${String(i).padStart(8, '0')}${'é'.repeat(2048)}—${i % 3 === 0 ? '😀' : ''}`);

  it('sends it in parts of PART_BYTES (up to 4 bytes more), the last shorter, and completes the upload with their tags in order', async () => {
    const { client, sent } = mockS3({ pages: [] });
    const text = pieces();
    await s3ObjectStore(client).put('committee-bucket', KEY, { body: text.values(), contentType: 'text/html; charset=utf-8' });
    expect(sent.map((c) => c.name)).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    expect(sent[0]!.input).toEqual({
      Bucket: 'committee-bucket',
      Key: KEY,
      ContentType: 'text/html; charset=utf-8',
      CacheControl: 'max-age=3600',
    });
    const parts = sent.slice(1, 3).map((c) => c.input.Body as Buffer);
    // A part is full at PART_BYTES, or a few bytes more when a character would not fit whole.
    expect(parts[0]!.length).toBeGreaterThanOrEqual(PART_BYTES);
    expect(parts[0]!.length).toBeLessThanOrEqual(PART_BYTES + 4);
    expect(parts[1]!.length).toBeLessThan(PART_BYTES);
    expect(Buffer.concat(parts).equals(Buffer.from(text.join(''), 'utf-8'))).toBe(true);
    expect(sent.slice(1, 3).map((c) => c.input.PartNumber)).toEqual([1, 2]);
    expect(sent[3]!.input).toEqual({
      Bucket: 'committee-bucket',
      Key: KEY,
      UploadId: 'u1',
      MultipartUpload: {
        Parts: [
          { ETag: '"e1"', PartNumber: 1 },
          { ETag: '"e2"', PartNumber: 2 },
        ],
      },
    });
  });

  it('aborts the upload when a part fails, and says why', async () => {
    const { client, sent } = mockS3({ pages: [], failPart: 2 });
    await expect(
      s3ObjectStore(client).put('committee-bucket', KEY, { body: pieces().values(), contentType: 'text/html; charset=utf-8' }),
    ).rejects.toThrow('part refused');
    expect(sent.map((c) => c.name)).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'AbortMultipartUploadCommand',
    ]);
    expect(sent[3]!.input).toEqual({ Bucket: 'committee-bucket', Key: KEY, UploadId: 'u1' });
  });
});
