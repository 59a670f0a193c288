// The README and the integrators' guide each say which routes need no key: the
// topology declares them, so the sentences cannot drift from it unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionSpecs } from '../../infra/topology.js';

const publicJsonRoutes = functionSpecs()
  .flatMap(([, spec]) => spec.routes ?? [])
  .filter((r) => r.auth === 'public' && r.method === 'GET' && (r.path.startsWith('/v1/') || r.path === '/health'))
  .map((r) => `${r.method} ${r.path}`);

/** The paragraph that begins where a document lists the routes that need no key. */
function noKeySentence(file: string, start: RegExp): string {
  const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
  const at = text.search(start);
  expect(at, `${file}: the sentence on routes without a key`).toBeGreaterThanOrEqual(0);
  return text.slice(at, text.indexOf('Bearer <key>', at));
}

describe('the routes that need no key', () => {
  it('are the public GET routes of the topology', () => {
    expect(publicJsonRoutes.sort()).toEqual(['GET /health', 'GET /v1/criteria', 'GET /v1/indicator-catalog', 'GET /v1/openapi.json']);
  });

  it.each([
    ['README.md', /Every request except/],
    ['docs/integrators.md', /Every route except/],
  ])('are each named in %s', (file, start) => {
    const sentence = noKeySentence(file, start);
    for (const route of publicJsonRoutes) expect(sentence, route).toContain(`\`${route}\``);
  });
});
