// A report file given in pieces goes to s3rver whole when it is small, and
// in parts when it is larger than one (shared/adapters/object-store.ts): either
// way the object read back is the text joined, with its type.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { PART_BYTES, s3ObjectStore } from '../../shared/adapters/object-store.js';
import { standIns } from '../support/stand-ins.js';

let env: Awaited<ReturnType<typeof standIns>>;
beforeAll(async () => {
  env = await standIns('parts');
});

/** About `bytes` bytes of text, in pieces of varying length with some two-byte characters. */
const pieces = (bytes: number) => {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const piece = `${i % 13 === 0 ? 'vóór — ' : ''}${'regel '.repeat(1 + (i % 50))}${i}\n`;
    out.push(piece);
    n += Buffer.byteLength(piece);
  }
  return out;
};

describe('writing a file in pieces to the stand-in', () => {
  it.each([
    ['under one part', 200_000],
    ['of several parts', 2 * PART_BYTES + 123_457],
  ])('reads back the text joined, %s', async (_, bytes) => {
    const store = s3ObjectStore(env.s3);
    const bucket = env.name('publicReports');
    const text = pieces(bytes);
    await store.put(bucket, 'reports/2026-Q3/report.json', { body: text.values(), contentType: 'application/json; charset=utf-8' });
    const back = await store.get(bucket, 'reports/2026-Q3/report.json');
    expect(back?.contentType).toBe('application/json; charset=utf-8');
    expect(back?.body.length).toBe(text.join('').length);
    expect(back?.body === text.join('')).toBe(true);
  });
});

describe('staging a file: written, seen only once committed', () => {
  it.each([
    ['under one part', 300_000],
    ['of several parts', PART_BYTES + 65_537],
  ])('is not there before the commit and is the text joined after it, %s', async (_, bytes) => {
    const store = s3ObjectStore(env.s3);
    const bucket = env.name('committeeReports');
    const key = `committee/staged-${bytes}/index.html`;
    const text = pieces(bytes);
    const staged = await store.stage(bucket, key, { body: text.values(), contentType: 'text/html; charset=utf-8' });
    expect(await store.get(bucket, key)).toBeNull();
    expect(await store.list(bucket, `committee/staged-${bytes}/`)).toEqual([]);
    await staged.commit();
    const back = await store.get(bucket, key);
    expect(back?.contentType).toBe('text/html; charset=utf-8');
    expect(back?.body === text.join('')).toBe(true);
  });

  it.each([
    ['under one part', 1_000],
    ['of several parts', PART_BYTES + 1],
  ])('leaves nothing when discarded, and refuses a second use, %s', async (_, bytes) => {
    const store = s3ObjectStore(env.s3);
    const bucket = env.name('committeeReports');
    const key = `committee/discarded-${bytes}/index.html`;
    const staged = await store.stage(bucket, key, { body: pieces(bytes).values(), contentType: 'text/html; charset=utf-8' });
    await staged.discard();
    expect(await store.get(bucket, key)).toBeNull();
    await expect(staged.commit()).rejects.toThrow(`staged object ${key} was already committed or discarded (commit)`);
    expect(await store.get(bucket, key)).toBeNull();
  });

  it('keeps a staged body under a part whole while other writes go on, until its commit', async () => {
    const store = s3ObjectStore(env.s3);
    const bucket = env.name('committeeReports');
    const page = pieces(400_000);
    const staged = await store.stage(bucket, 'committee/held/index.html', { body: page.values(), contentType: 'text/html; charset=utf-8' });
    // Writes of their own in the meantime, more than the spare part buffers: none may write into the held one.
    for (let i = 0; i < 8; i++)
      await store.put(bucket, `committee/held/file-${i}.csv`, { body: [`x${i},`.repeat(100_000)].values(), contentType: 'text/csv' });
    await staged.commit();
    expect((await store.get(bucket, 'committee/held/index.html'))?.body === page.join('')).toBe(true);
    await expect(staged.discard()).rejects.toThrow('already committed or discarded (discard)');
  });
});

describe('copying a file within the stand-in (latest/)', () => {
  it('keeps the bytes, takes the type given and the cache policy of its new key', async () => {
    const store = s3ObjectStore(env.s3);
    const bucket = env.name('publicReports');
    const text = pieces(2 * PART_BYTES + 99);
    await store.put(bucket, 'reports/2026-Q2/index.html', { body: text.values(), contentType: 'text/html; charset=utf-8' });
    await store.copy(bucket, 'reports/2026-Q2/index.html', 'reports/latest/index.html', 'text/html; charset=utf-8');
    const back = await store.get(bucket, 'reports/latest/index.html');
    expect(back?.contentType).toBe('text/html; charset=utf-8');
    expect(back?.body === text.join('')).toBe(true);
    const head = async (key: string) => (await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).CacheControl;
    expect([await head('reports/2026-Q2/index.html'), await head('reports/latest/index.html')]).toEqual(['max-age=3600', 'max-age=300']);
  });
});
