// The shims infra/bundling.ts puts in place of Node modules in every bundle:
// the same answers as the modules they stand for, without loading them at a
// cold start (docs/performance.md, cold load).
import { createReadStream as realCreateReadStream, mkdtempSync, rmSync, writeFileSync, ReadStream as RealReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ReadableStream as RealReadableStream } from 'node:stream/web';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS } from '../../infra/bundling.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { createReadStream, fstatSync, lstatSync, ReadStream } from '../../infra/bundle-shims/fs.js';
import { readFile } from '../../infra/bundle-shims/fs-promises.js';
import shimmedProcess, { env, versions } from '../../infra/bundle-shims/process.js';
import { ReadableStream } from '../../infra/bundle-shims/stream-web.js';

const dir = mkdtempSync(join(tmpdir(), 'dds-shims-'));
const file = join(dir, 'body.txt');
writeFileSync(file, 'twelve bytes');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shims answer as the modules do', () => {
  it('fs: a file stream is a ReadStream, anything else is not; the functions are the module’s', () => {
    const stream = realCreateReadStream(file);
    expect(stream instanceof ReadStream).toBe(true);
    expect(stream instanceof RealReadStream).toBe(true);
    expect(Readable.from(['x']) instanceof ReadStream).toBe(false);
    expect({ path: file } instanceof ReadStream).toBe(false);
    stream.destroy();
    expect(lstatSync(file).size).toBe(12);
    expect(typeof fstatSync).toBe('function');
    expect(createReadStream).toBe(realCreateReadStream);
  });

  it('fs/promises: readFile reads', async () => {
    expect(await readFile(file, 'utf8')).toBe('twelve bytes');
  });

  it('stream/web: a web ReadableStream is one, a Node stream is not', () => {
    expect(new RealReadableStream() instanceof ReadableStream).toBe(true);
    expect(Readable.from(['x']) instanceof ReadableStream).toBe(false);
    expect((null as unknown) instanceof ReadableStream).toBe(false);
  });

  it('process: the process object itself, its env and versions', () => {
    expect(shimmedProcess).toBe(process);
    expect(env).toBe(process.env);
    expect(versions).toBe(process.versions);
  });
});

describe('a bundle', () => {
  it('imports none of node:fs, node:fs/promises, node:stream/web and node:process as an ES module', async () => {
    const built = await build({
      ...ESBUILD_OPTIONS,
      absWorkingDir: REPO_ROOT,
      entryPoints: [join(REPO_ROOT, 'functions/publish-report/handler.ts')],
      write: false,
      outfile: 'out.mjs',
      target: 'node20',
      metafile: true,
      logLevel: 'silent',
    });
    const text = built.outputFiles[0]!.text;
    expect(text).not.toMatch(/from\s*["']node:(fs|fs\/promises|stream\/web|process)["']/);
    const inputs = Object.keys(built.metafile.inputs);
    for (const shim of ['fs', 'fs-promises', 'stream-web', 'process']) expect(inputs).toContain(`infra/bundle-shims/${shim}.ts`);
  });
});
