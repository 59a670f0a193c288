// The series domain on its own: the periods between from and to, the query's
// refusals, and the range total (flows summed exactly, stocks the last point's,
// the share a ratio of the sums). That the points equal the per-period
// overviews: test/integration/indicator-series.test.ts.
import { describe, expect, it } from 'vitest';
import { zodProblems } from '../../shared/domain/problems.js';
import { countsSeries, groupRows, parseSeriesQuery, periodsBetween, rangeTotal } from '../../shared/domain/series.js';
import { summarize, type CountRow } from '../../shared/domain/service-counts.js';

const row = (
  organisationId: string,
  targetGroup: CountRow['targetGroup'],
  servicesOffered: number,
  volumes?: CountRow['volumes'],
): CountRow => ({
  organisationId,
  targetGroup,
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});

describe('series', () => {
  it('walks from from to to at their granularity, across years', () => {
    expect(periodsBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2024', '2026')).toEqual(['2024', '2025', '2026']);
    expect(periodsBetween('2026', '2026-Q1')).toBeNull();
    expect(periodsBetween('2026-Q2', '2026-Q1')).toBeNull();
  });

  it('refuses a query it cannot answer, naming each problem', () => {
    const problems = (q: Record<string, string>) => {
      const r = parseSeriesQuery(q, zodProblems);
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    expect(problems({ from: '2025-Q1', to: '2026-Q4', groupBy: 'eloket' })).toEqual([]);
    expect(problems({ from: '2025-Q1', to: '2026-Q4' })).toEqual(['groupBy']);
    expect(problems({ from: '2015-01', to: '2026-12', groupBy: 'eloket' })).toEqual(['to']);
    expect(problems({ from: '2025-Q1', to: '2026-Q4', groupBy: 'eloket', limit: '900' })).toEqual(['limit']);
    expect(problems({ from: '2025-Q1', to: '2026-Q4', groupBy: 'eloket', targetGroup: 'kinderen' })).toEqual(['targetGroup']);
    const ok = parseSeriesQuery({ from: '2025-Q1', to: '2025-Q2', groupBy: 'organisation', policyDomain: 'Omgeving' }, zodProblems);
    expect(ok).toMatchObject({ ok: true, value: { granularity: 'quarter', limit: 100, filters: { policyDomain: 'Omgeving' } } });
  });

  it('totals a range: volumes summed exactly past 2^53, services offered from the last point with data, the share of the sums', () => {
    // 5,000 rows of 10^12 clicks a point (the most one report holds): two points pass 2^53 together.
    const rows = (n: number, services: number, last: number) =>
      Array.from({ length: n }, (_, i) => row(`OVO${i}`, 'burgers', services, { click: i === n - 1 ? last : 1e12, call: 1 }));
    const total = rangeTotal([
      { period: '2026-Q1', summary: summarize(rows(5000, 1, 1e12)) },
      { period: '2026-Q2', summary: null },
      { period: '2026-Q3', summary: summarize(rows(5000, 2, 5)) },
    ]);
    expect(total).toMatchObject({ status: 'aggregated', points: 2, lastPeriod: '2026-Q3', servicesOffered: 10000, providers: 5000 });
    if (total.status !== 'aggregated') throw new Error('no data');
    expect(total.volumes).toMatchObject({
      click: '9999000000000005',
      call: 10000,
      total: '9999000000010005',
      rows: 10000,
      rowsWithData: 10000,
    });
    expect(total.digitalShare).toBeCloseTo(9999 / 9999.00000001, 15);
    expect(rangeTotal([{ period: '2026-Q1', summary: null }])).toEqual({ status: 'no_data' });
  });

  it('groups rows, and leaves a group without rows in a period as no data, not 0', () => {
    const reported = new Map([
      [
        '2026-Q1',
        { version: 1, groups: groupRows([row('OVO1', 'burgers', 3, { click: 1 }), row('OVO2', 'ondernemers', 2)], (r) => r.targetGroup) },
      ],
      ['2026-Q2', { version: 1, groups: groupRows([row('OVO1', 'burgers', 4, { click: 2 })], (r) => r.targetGroup) }],
    ]);
    const series = countsSeries(['2026-Q1', '2026-Q2'], [{ eloket: 'mijn-burgerprofiel', reported }], 'targetGroup', (g) =>
      g.toUpperCase(),
    );
    expect(series.map((s) => [s.group, s.label, s.points.map((p) => p.status)])).toEqual([
      ['burgers', 'BURGERS', ['aggregated', 'aggregated']],
      ['ondernemers', 'ONDERNEMERS', ['aggregated', 'no_data']],
    ]);
    expect(series[1]!.total).toMatchObject({ status: 'aggregated', points: 1, lastPeriod: '2026-Q1', servicesOffered: 2 });
  });
});
