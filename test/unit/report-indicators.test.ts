// The indicator overview of a period (GET /v1/indicators), in memory: each
// e-loket's figure as reported or derived from shorter periods, all of them
// together, the assessments' figures, and the newest submission inside the period.
import { describe, expect, it } from 'vitest';
import { selectAsOf } from '../../shared/domain/as-of.js';
import { buildIndicatorOverview, type EloketPeriods } from '../../shared/domain/indicators.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { eloket, reportAssessments, reportEloketten, row, rowOf } from '../support/report-input.js';

const eloketten: EloketPeriods[] = reportEloketten().map((e) => ({ eloket: e.id, reported: e.reported }));
const rows = reportAssessments().map(rowOf);
/** The one as-of selection, made for a period's end. */
const at = (period: string, from = rows) => selectAsOf(parsePeriod(period)?.end ?? '', from);

describe('the indicator overview', () => {
  it('gives a quarter each e-loket as reported, derived from its months, or no data', () => {
    const o = buildIndicatorOverview('2026-Q3', eloketten, at('2026-Q3'));
    expect(o.period).toBe('2026-Q3');
    expect(o.eloketten).toEqual({
      'mijn-burgerprofiel': {
        status: 'reported',
        version: 1,
        servicesOffered: 10,
        providers: 1,
        byTargetGroup: { burgers: 10 },
        volumes: { click: 80, call: 20, connect: null, other: null, total: 100, rows: 1, rowsWithData: 1 },
        digitalShare: 0.8,
      },
      // Months 07 and 09 reported: volumes (flows) add up, services offered (a stock) is the last month's.
      'e-loket-ondernemers': {
        status: 'derived',
        derivedFrom: 'months',
        subPeriodsReported: 2,
        subPeriods: 3,
        servicesOffered: 0,
        providers: 0,
        byTargetGroup: { burgers: 0 },
        volumes: { click: 3000, call: 1000, connect: null, other: null, total: 4000, rows: 2, rowsWithData: 2 },
        digitalShare: 0.75,
      },
      verenigingsloket: { status: 'no_data' },
      'loket-lokale-besturen': {
        status: 'reported',
        version: 1,
        servicesOffered: 2,
        providers: 1,
        byTargetGroup: { burgers: 2 },
        volumes: { click: null, call: null, connect: null, other: null, total: null, rows: 1, rowsWithData: 0 },
        digitalShare: null,
      },
      thema: { status: 'no_data' },
    });
    expect(o.all).toEqual({
      status: 'aggregated',
      eloketten: 3,
      servicesOffered: 12,
      providers: 2,
      byTargetGroup: { burgers: 12 },
      volumes: { click: 3080, call: 1020, connect: null, other: null, total: 4100, rows: 4, rowsWithData: 3 },
      digitalShare: 3080 / 4100,
    });
    expect(o.assessments).toMatchObject({
      services: 4,
      significant: 2,
      significanceUnknown: 0,
      withPre: 3,
      withPost: 3,
      owing: 1,
      goLiveUnknown: 1,
    });
    // Results (the posts of s1, s3, s4) and the forecast (the pre of s2) apart.
    expect(o.assessments.bands.DH.I).toEqual({ good: 2, partial: 0, none: 1, 'n/a': 0 });
    expect(o.assessments.forecastBands.DH.I).toEqual({ good: 1, partial: 0, none: 0, 'n/a': 0 });
  });

  it('takes as of the newest submission inside the period: its months count, the next month does not', () => {
    expect(buildIndicatorOverview('2026-Q3', eloketten, at('2026-Q3')).asOf).toBe('2026-10-02T08:00:00.000Z');
    // Without counts, the newest assessment assessed by the period end.
    expect(buildIndicatorOverview('2026-Q3', [], at('2026-Q3')).asOf).toBe('2026-08-10T00:00:00.000Z');
    expect(buildIndicatorOverview('2025-Q1', eloketten, at('2025-Q1')).asOf).toBeNull();
  });

  it('derives a year from its quarters, each quarter from its months where it was not reported', () => {
    const o = buildIndicatorOverview('2026', eloketten, at('2026'));
    expect(o.eloketten['mijn-burgerprofiel']).toEqual({
      status: 'derived',
      derivedFrom: 'quarters',
      subPeriodsReported: 3,
      subPeriods: 4,
      servicesOffered: 10,
      providers: 1,
      byTargetGroup: { burgers: 10 },
      volumes: { click: 240, call: 60, connect: null, other: null, total: 300, rows: 3, rowsWithData: 3 },
      digitalShare: 0.8,
    });
    // Q2 and Q3 from their months, Q4 from 2026-10: the stock of the last, the flows of all.
    expect(o.eloketten['e-loket-ondernemers']).toEqual({
      status: 'derived',
      derivedFrom: 'quarters',
      subPeriodsReported: 3,
      subPeriods: 4,
      servicesOffered: 1,
      providers: 1,
      byTargetGroup: { burgers: 1 },
      volumes: { click: 3095, call: 1009, connect: null, other: null, total: 4104, rows: 6, rowsWithData: 6 },
      digitalShare: 3095 / 4104,
    });
    // Everything dated in 2026, the month sent in November included; and s5, assessed in October.
    expect(o.asOf).toBe('2026-11-03T00:00:00.000Z');
    expect(o.assessments.services).toBe(5);
  });

  it('does not derive a month from its quarter', () => {
    const o = buildIndicatorOverview('2026-09', eloketten, at('2026-09'));
    expect(o.eloketten['mijn-burgerprofiel']).toEqual({ status: 'no_data' });
    expect(o.eloketten['e-loket-ondernemers']).toMatchObject({ status: 'reported', servicesOffered: 0, volumes: { total: 2500 } });
    expect(o.all).toMatchObject({ status: 'aggregated', eloketten: 1, servicesOffered: 0 });
  });

  it('shows the version of a corrected report', () => {
    const corrected = eloket('x', 'X', true, [['2026-Q3', [row('OVO1', 3)], '2026-10-05T00:00:00.000Z']]);
    const o = buildIndicatorOverview(
      '2026-Q3',
      [{ eloket: 'x', reported: new Map([['2026-Q3', { ...corrected.reported.get('2026-Q3')!, version: 3 }]]) }],
      at('2026-Q3', []),
    );
    expect(o.eloketten.x).toMatchObject({ status: 'reported', version: 3, servicesOffered: 3 });
    expect(o.asOf).toBe('2026-10-05T00:00:00.000Z');
  });

  it('says no data, never 0, when nothing was reported', () => {
    const o = buildIndicatorOverview('2025-Q1', eloketten, at('2025-Q1', []));
    expect(o.all).toEqual({ status: 'no_data' });
    expect(Object.values(o.eloketten)).toEqual(Array(5).fill({ status: 'no_data' }));
    expect(o.assessments).toMatchObject({ services: 0, significant: 0, withPre: 0, withPost: 0, owing: 0 });
  });

  it('refuses a period that is not one, and a selection made for another day', () => {
    expect(() => buildIndicatorOverview('2026-13', eloketten, at('2026-13'))).toThrow('invalid period 2026-13');
    expect(() => buildIndicatorOverview('2026-Q3', eloketten, at('2026-Q2'))).toThrow(
      'the selection is as of 2026-06-30, not the end of 2026-Q3',
    );
  });
});
