// The OpenAPI document is derived from the topology: every served route is
// documented with the security the guard enforces, and nothing else is.
import { describe, expect, it } from 'vitest';
import { OPERATIONS, openApiDocument, topologyRoutes } from '../../shared/adapters/openapi.js';

type Doc = { paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>> };

describe('OpenAPI from the topology', () => {
  const doc = openApiDocument('test') as unknown as Doc;
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('documents exactly the routes the topology serves', () => {
    const served = topologyRoutes().map((r) => `${r.method} ${r.path.replace('{proxy+}', '{proxy}')}`);
    expect(documented.sort()).toEqual(served.sort());
    expect(Object.keys(OPERATIONS).sort()).toEqual(
      topologyRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
  });

  it('gives each operation the security its route declares', () => {
    expect(doc.paths['/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/assessments']!.post!.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/committee/{proxy}']!.get!.security).toEqual([{ apiKey: [] }, { basic: [] }]);
    expect(Object.keys(doc.paths['/v1/indicators']!.get!.responses).sort()).toEqual(['200', '401', '403', '422', '429']);
    expect(Object.keys(doc.paths['/v1/criteria']!.get!.responses)).toEqual(['200']);
  });
});
