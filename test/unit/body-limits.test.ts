// Limits read before a body is parsed or validated element by element (issue 8
// points 9 and 11): nesting depth without recursion, array lengths before
// their elements, at most 100 problems listed.
import { describe, expect, it } from 'vitest';
import { jsonTextShape, MAX_NESTING_DEPTH, oversizedArrays, parsedObjectKeys } from '../../shared/domain/body-limits.js';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { capProblems, MAX_PROBLEMS_LISTED } from '../../shared/domain/problems.js';
import { assessment } from '../support/fixtures.js';
import { TODAY } from '../support/fixtures.js';

describe('jsonTextShape: the depth', () => {
  const jsonNestingDepth = (text: string, limit?: number) => jsonTextShape(text, limit).depth;
  it('counts arrays and objects, and nothing inside strings (escaped quotes included)', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[{{{","b":"\\"[[[["}')).toBe(1);
    expect(jsonNestingDepth('["\\\\",[["x"]]]')).toBe(3);
  });

  it('reads 3,000 levels without recursion, and stops counting past the limit', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    expect(jsonNestingDepth(deep)).toBe(3000);
    expect(jsonNestingDepth(deep, MAX_NESTING_DEPTH)).toBe(MAX_NESTING_DEPTH + 1);
    expect(jsonNestingDepth(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, MAX_NESTING_DEPTH)).toBe(MAX_NESTING_DEPTH + 1);
  });
});

describe('jsonTextShape: depth and object members in one pass', () => {
  it('counts one member per colon outside strings, duplicates included', () => {
    expect(jsonTextShape('1')).toEqual({ depth: 0, members: 0 });
    expect(jsonTextShape('{}')).toEqual({ depth: 1, members: 0 });
    expect(jsonTextShape('[{},[],{}]')).toEqual({ depth: 2, members: 0 });
    expect(jsonTextShape('{"a":1,"a":2}')).toEqual({ depth: 1, members: 2 });
    expect(jsonTextShape('{"a":1,"\\u0061":2}')).toEqual({ depth: 1, members: 2 });
    expect(jsonTextShape('{"a":{"b":[{"c":1},{"c":2}]},"d":[]}')).toEqual({ depth: 4, members: 5 });
  });

  it('skips colons inside strings, escaped quotes and backslashes included', () => {
    expect(jsonTextShape('"a:b"')).toEqual({ depth: 0, members: 0 });
    expect(jsonTextShape('{"a:b":"c:d","e":"f\\":"}')).toEqual({ depth: 1, members: 2 });
    expect(jsonTextShape('{"\\\\":":"}')).toEqual({ depth: 1, members: 1 });
    expect(jsonTextShape('["x:y",{"z":[":",":"]}]')).toEqual({ depth: 3, members: 1 });
  });

  it('stops past the depth limit, with the members counted so far', () => {
    expect(jsonTextShape(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, MAX_NESTING_DEPTH)).toEqual({ depth: 33, members: 32 });
    expect(jsonTextShape(`${'{"a":'.repeat(32)}1${'}'.repeat(32)}`, MAX_NESTING_DEPTH)).toEqual({ depth: 32, members: 32 });
  });
});

describe('parsedObjectKeys: what JSON.parse keeps of the members', () => {
  it('counts the own keys of each object, one for a key repeated or escaped alike', () => {
    expect(parsedObjectKeys(JSON.parse('{"a":1,"a":2}'))).toBe(1);
    expect(parsedObjectKeys(JSON.parse('{"a":1,"\\u0061":2}'))).toBe(1);
    expect(parsedObjectKeys(JSON.parse('{"a":{"a":1},"b":[{"a":1},{"a":2,"b":3}]}'))).toBe(6);
    expect(parsedObjectKeys(JSON.parse('[{"a":1},[{"b":{}}],{}]'))).toBe(2);
    for (const primitive of ['1', '"a:b"', 'true', 'null', '[]', '{}']) expect(parsedObjectKeys(JSON.parse(primitive))).toBe(0);
  });

  it('counts "__proto__" as the own key JSON.parse makes it, never as the prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"a":1}}') as object;
    expect([Object.keys(parsed), Object.getPrototypeOf(parsed) === Object.prototype]).toEqual([['__proto__'], true]);
    expect(parsedObjectKeys(parsed)).toBe(2);
    expect(parsedObjectKeys(JSON.parse('{"__proto__":1,"__proto__":2}'))).toBe(1);
    expect(jsonTextShape('{"__proto__":1,"__proto__":2}').members).toBe(2);
  });
});

describe('array lengths before their elements', () => {
  it('names an array over its maximum by path, and nothing else of it', () => {
    expect(
      oversizedArrays({ answers: new Array(201).fill(0), service: { targetGroups: [1, 2, 3, 4, 5] } }, [
        ['answers', 200],
        ['service.targetGroups', 4],
        ['service.eloketten', 20],
      ]),
    ).toEqual([
      { path: 'answers', message: '201 items; at most 200' },
      { path: 'service.targetGroups', message: '5 items; at most 4' },
    ]);
    expect(oversizedArrays(null, [['answers', 1]])).toEqual([]);
  });

  it('refuses 27,000 answers (a 1 MiB body) with one problem, not one per answer', () => {
    const answers = Array.from({ length: 27_000 }, () => ({ criterionId: 'SD-G1', answer: 'no' }));
    expect(JSON.stringify({ ...assessment(), answers }).length).toBeGreaterThan(1_000_000);
    const v = validateAssessment({ ...assessment(), answers }, { today: TODAY });
    expect(v.ok ? [] : v.problems).toEqual([{ path: 'answers', message: '27000 items; at most 200' }]);
  });
});

describe('capProblems', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `counts[${i}]`, message: 'bad' }));

  it('lists at most 100 problems and counts the rest', () => {
    expect(MAX_PROBLEMS_LISTED).toBe(100);
    const capped = capProblems(many(250));
    expect(capped.details).toHaveLength(100);
    expect(capped.details[99]).toEqual({ path: 'counts[99]', message: 'bad' });
    expect(capped.moreProblems).toBe(150);
  });

  it('says nothing of more problems when there are none', () => {
    expect(capProblems(many(100))).toEqual({ details: many(100) });
    expect(capProblems([])).toEqual({ details: [] });
  });
});
