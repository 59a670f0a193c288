// A lazy list stands for the array of its rows: its rows are made at each
// walk, and written out (JSON, a page, a CSV file) it is that array, byte for byte.
import { describe, expect, it } from 'vitest';
import { csvChunks, eachRow, toCsv } from '../../shared/domain/report/csv.js';
import { each, html, toHtmlString } from '../../shared/domain/report/html.js';
import { jsonChunks } from '../../shared/domain/report/json-chunks.js';
import { LazyList, lazyFlatMap, lazyMap } from '../../shared/domain/report/lazy-list.js';

/** A lazy list of `n` rows, and how many rows it has made so far. */
function counted(n: number) {
  const made = { rows: 0 };
  const sources = Array.from({ length: n }, (_, i) => i);
  const list = lazyMap(sources, (i) => {
    made.rows++;
    return { i, name: `dienst ${i}`, note: i % 3 === 0 ? undefined : 'é "x" <b>', score: i / 7 };
  });
  return { list, made, array: sources.map((i) => ({ i, name: `dienst ${i}`, note: i % 3 === 0 ? undefined : 'é "x" <b>', score: i / 7 })) };
}

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('a lazy list', () => {
  it('makes its rows again at each walk, holds none, and knows its length without walking', () => {
    const { list, made } = counted(5);
    expect(list.length).toBe(5);
    expect(made.rows).toBe(0);
    const first = [...list];
    const second = [...list];
    expect(made.rows).toBe(10);
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
    expect([...list].filter((r) => r.i % 2 === 0)).toHaveLength(3);
    expect(LazyList.is(list)).toBe(true);
    expect(LazyList.is([])).toBe(false);
  });

  it('flattens its sources in order, with the length it is given', () => {
    const list = lazyFlatMap([[1, 2], [], [3]], (xs) => xs.map((x) => x * 10), 3);
    expect([...list]).toEqual([10, 20, 30]);
    expect(list.length).toBe(3);
  });

  it('is written by JSON.stringify as the array it stands for', () => {
    const { list, array } = counted(4);
    expect(JSON.stringify({ list })).toBe(JSON.stringify({ list: array }));
    expect(JSON.stringify(lazyMap([], (x) => x))).toBe('[]');
  });
});

describe('a lazy list written in pieces', () => {
  it('gives the text of the array it stands for, at the top, in an object, in an array, nested, empty or small', () => {
    const big = counted(300);
    const small = counted(2);
    const nested = lazyMap([0, 1, 2], (o) => ({ organisationId: `ORG${o}`, services: counted(90).list, none: lazyMap([], (x) => x) }));
    const nestedArray = [0, 1, 2].map((o) => ({ organisationId: `ORG${o}`, services: counted(90).array, none: [] }));
    const cases: Array<[unknown, unknown]> = [
      [big.list, big.array],
      [
        { kind: 'committee', rows: big.list, after: 1 },
        { kind: 'committee', rows: big.array, after: 1 },
      ],
      [
        [1, big.list, undefined, small.list],
        [1, big.array, undefined, small.array],
      ],
      [
        { small: small.list, n: 1 },
        { small: small.array, n: 1 },
      ],
      [
        { domains: nested, empty: lazyMap([], (x) => x) },
        { domains: nestedArray, empty: [] },
      ],
      [lazyMap([], (x) => x), []],
      [{ rows: lazyMap([1, 2, 3], (i) => (i === 2 ? undefined : { i })) }, { rows: [{ i: 1 }, undefined, { i: 3 }] }],
    ];
    for (const [lazy, plain] of cases) {
      expect(joined(jsonChunks(lazy))).toBe(JSON.stringify(plain));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(plain));
    }
  });

  it('makes each row as it is written, once, and keeps every piece small', () => {
    const { list, made } = counted(5000);
    const pieces = jsonChunks({ rows: list });
    pieces.next();
    expect(made.rows).toBeLessThan(100);
    const rest = [...pieces];
    expect(made.rows).toBe(5000);
    expect(Math.max(...rest.map((p) => p.length))).toBeLessThan(4096);
  });

  it('is the same table row by row on a page and in a CSV file', () => {
    const { list, array } = counted(7);
    const row = (r: (typeof array)[number]) => html`<tr><td>${r.name}</td><td>${r.note}</td></tr>`;
    expect(toHtmlString(each(list, row))).toBe(toHtmlString(each(array, row)));
    expect(toHtmlString(each(list, row))).toContain('&lt;b&gt;');
    const cells = (r: (typeof array)[number]) => [r.i, r.name, r.note ?? null];
    expect(joined(csvChunks(['i', 'naam', 'noot'], eachRow(list, cells)))).toBe(toCsv(['i', 'naam', 'noot'], array.map(cells)));
  });
});
