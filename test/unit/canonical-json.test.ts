// Idempotency compares bodies as canonical JSON (issue 8 point 4, design §3):
// key order does not matter; array order and values do.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { hashRequest } from '../../shared/adapters/submission-store.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('makes two bodies that differ only in key order the same request', () => {
    const one = JSON.parse('{"period":"2026-Q3","counts":[{"organisationId":"OVO1","targetGroup":"burgers","servicesOffered":3}]}');
    const other = JSON.parse('{"counts":[{"servicesOffered":3,"targetGroup":"burgers","organisationId":"OVO1"}],"period":"2026-Q3"}');
    expect(hashRequest(one)).toBe(hashRequest(other));
    expect(hashRequest(one)).not.toBe(hashRequest({ ...one, period: '2026-Q2' }));
  });
});
