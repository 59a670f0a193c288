import { describe, expect, it } from 'vitest';
import { nextFire } from '../../infra/local/scheduler.js';
import { functions } from '../../infra/topology.js';
import { parsePeriod, periodsEndedBy, shiftPeriod } from '../../shared/domain/periods.js';

describe('periods', () => {
  it('parses years, quarters and months with their first and last day', () => {
    expect(parsePeriod('2024')).toEqual({ id: '2024', kind: 'year', year: 2024, start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriod('2024-Q1')).toEqual({ id: '2024-Q1', kind: 'quarter', year: 2024, start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024-02')).toEqual({ id: '2024-02', kind: 'month', year: 2024, start: '2024-02-01', end: '2024-02-29' });
    for (const bad of ['2024-Q5', '2024-13', '2024-00', '24', '2024-1', '2024-q1', '']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('steps to the period before or after, across years', () => {
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2025-11', 3)).toBe('2026-02');
    expect(shiftPeriod('2026', -3)).toBe('2023');
  });

  it('names the month that ended, and on a quarter\u2019s first day the quarter too', () => {
    expect(periodsEndedBy(new Date('2026-10-01T05:00:00Z'))).toEqual(['2026-09', '2026-Q3']);
    expect(periodsEndedBy(new Date('2026-11-01T05:00:00Z'))).toEqual(['2026-10']);
    expect(periodsEndedBy(new Date('2027-01-01T05:00:00Z'))).toEqual(['2026-12', '2026-Q4']);
  });
});

describe('local scheduler', () => {
  it('fires the monthly schedule at 05:00 UTC on the first of the next month', () => {
    const cron = functions.publishReport.schedules[0].cron;
    expect(nextFire(cron, new Date('2026-11-23T13:12:00Z')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(nextFire(cron, new Date('2026-12-01T05:00:00Z')).toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(nextFire(cron, new Date('2026-12-01T04:59:30Z')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
