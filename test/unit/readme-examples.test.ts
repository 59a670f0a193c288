// How the README's and the integrators' guide's examples are read for their
// e2e tests, and that their assessment is the one the OpenAPI document shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { EXAMPLE_ASSESSMENT } from '../../shared/domain/examples.js';
import { curlRequest, expectation, mismatch, shellCommands, testedBlocks } from '../support/readme-examples.js';

describe('reading the README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it("shows the OpenAPI document's complete assessment as assessment.json, as the integrators' guide does", () => {
    const guide = readFileSync(join(REPO_ROOT, 'docs/integrators.md'), 'utf8');
    for (const doc of [readme, guide]) {
      const file = testedBlocks(doc).find((b) => b.kind === 'file' && b.name === 'assessment.json');
      expect(JSON.parse(file!.text)).toEqual(EXAMPLE_ASSESSMENT);
    }
  });

  it('refuses a marker without a block, and an unknown marker', () => {
    expect(() => testedBlocks('<!-- tested -->\ntext\n')).toThrow('must be followed by a fenced block');
    expect(() => testedBlocks('<!-- tested: maybe -->\n```sh\ncurl x\n```\n')).toThrow('unknown marker');
  });

  it('reads commands as sh does: continuations, both quotes, variables, comments', () => {
    const text = [
      `curl -s -X POST http://127.0.0.1:3000/v1/x \\`,
      `  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\`,
      `  --data '{"a": "$KEY",`,
      `           "b": 1}'   # 201 {"id": "…"}`,
      `curl -s -u "u:\${KEY}" 'http://h/?a=1&b=2'`,
      `# 200: prose after the numbers`,
    ].join('\n');
    const commands = shellCommands(text, (n) => (n === 'KEY' ? 'dds_k' : 'unknown'));
    expect(commands).toEqual([
      {
        words: [
          'curl',
          '-s',
          '-X',
          'POST',
          'http://127.0.0.1:3000/v1/x',
          '-H',
          'Authorization: Bearer dds_k',
          '-H',
          'Content-Type: application/json',
          '--data',
          '{"a": "$KEY",\n           "b": 1}',
        ],
        comments: ['201 {"id": "…"}'],
      },
      { words: ['curl', '-s', '-u', 'u:dds_k', 'http://h/?a=1&b=2'], comments: ['200: prose after the numbers'] },
    ]);
    expect(expectation(commands[0]!.comments[0]!)).toEqual({ status: 201, answer: { id: '…' } });
    expect(expectation('200: prose')).toEqual({ status: 200 });
    expect(expectation('the 52 criteria')).toBeNull();
  });

  it('makes the request curl makes', () => {
    const files = new Map([['a.json', '{\n  "x": 1\n}\n']]);
    expect(
      curlRequest(['curl', '-s', '-X', 'POST', 'http://h/v1', '-H', 'Content-Type: application/json', '--data', '@a.json'], files),
    ).toEqual({
      method: 'POST',
      url: 'http://h/v1',
      headers: { 'content-type': 'application/json' },
      body: '{  "x": 1}',
    });
    expect(curlRequest(['curl', '-u', 'a:b', 'http://h/'], files)).toEqual({
      method: 'GET',
      url: 'http://h/',
      headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    });
    expect(curlRequest(['curl', '-d', 'x=1', 'http://h/'], files).headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(curlRequest(['curl', '-s', '-o', 'reeks.csv', 'http://h/'], files)).toEqual({ method: 'GET', url: 'http://h/', headers: {} });
    expect(() => curlRequest(['npm', 'run', 'dds'], files)).toThrow('only curl');
    expect(() => curlRequest(['curl', '-k', 'http://h/'], files)).toThrow('-k is not understood');
    expect(() => curlRequest(['curl', '--data', '@b.json', 'http://h/'], files)).toThrow('no tested file');
  });

  it('compares answers with the wildcards the README uses', () => {
    expect(mismatch({ id: 'r-1', n: 1 }, { id: '…', n: 1 })).toBeNull();
    expect(mismatch({ id: '2026-Q3.x' }, { id: '2026-Q3.…' })).toBeNull();
    expect(mismatch({ id: '2026-Q4.x' }, { id: '2026-Q3.…' })).toMatch(/does not start with/);
    expect(mismatch([1, 2, 3], [1, '…'])).toBeNull();
    expect(mismatch([2, 3], [1, '…'])).toMatch(/\$\[0\]/);
    expect(mismatch([1, 2], [1])).toMatch(/2 elements/);
    expect(mismatch({ a: 1, b: 2 }, { a: 1 })).toMatch(/not in the document \["b"\]/);
    expect(mismatch({ a: 0.1 + 0.2 }, { a: 0.3 })).toMatch(/\$\.a/);
  });
});
