// A counts report next to what is stored (issue 14 points 4 and 5): the same
// rows in another order are the same content; a quarter or year says which
// reported sub-periods it stands over.
import { describe, expect, it } from 'vitest';
import { countsOverrides, periodsUnder, sameCounts } from '../../shared/domain/counts-correction.js';
import type { CountRow } from '../../shared/domain/service-counts.js';

const row = (organisationId: string, servicesOffered: number, volumes?: CountRow['volumes']): CountRow => ({
  organisationId,
  targetGroup: 'burgers',
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});

describe('sameCounts', () => {
  it('is the same content whatever the order of rows and keys', () => {
    const a = [row('OVO1', 3, { click: 1, call: 2 }), row('OVO2', 0)];
    const b = [
      row('OVO2', 0),
      { volumes: { call: 2, click: 1 }, servicesOffered: 3, targetGroup: 'burgers', organisationId: 'OVO1' } as CountRow,
    ];
    expect(sameCounts(a, b)).toBe(true);
  });

  it('is another content when a figure, a channel or a row differs', () => {
    const a = [row('OVO1', 3, { click: 1 })];
    expect(sameCounts(a, [row('OVO1', 4, { click: 1 })])).toBe(false);
    expect(sameCounts(a, [row('OVO1', 3, { click: 1, call: 0 })])).toBe(false);
    expect(sameCounts(a, [row('OVO1', 3)])).toBe(false);
    expect(sameCounts(a, [...a, row('OVO2', 1)])).toBe(false);
    expect(sameCounts([], [])).toBe(true);
  });
});

describe('countsOverrides', () => {
  it('lists every quarter and month under a year, the months under a quarter, nothing under a month', () => {
    expect(periodsUnder('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(periodsUnder('2026')).toHaveLength(16);
    expect(periodsUnder('2026-08')).toEqual([]);
  });

  it('says how many months a quarter report stands over', () => {
    const reported = new Set(['2026-07', '2026-09']);
    expect(countsOverrides('2026-Q3', (p) => reported.has(p))).toEqual({ derivedFrom: 'months', subPeriodsReported: 2 });
    expect(countsOverrides('2026-Q3', () => false)).toBeNull();
    expect(countsOverrides('2026-08', () => true)).toBeNull();
  });

  it('counts a year’s quarters that have data, reported themselves or through a month', () => {
    const reported = new Set(['2026-Q1', '2026-05', '2026-06', '2026-Q4', '2026-12']);
    expect(countsOverrides('2026', (p) => reported.has(p))).toEqual({ derivedFrom: 'quarters', subPeriodsReported: 3 });
  });
});
