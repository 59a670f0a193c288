// today.ts computes the Brussels date from the EU's summer-time rule instead of
// asking Intl (cold start, docs/performance.md): held here against the time
// zone database, every hour and around every change of the clocks.
import { describe, expect, it } from 'vitest';
import { brusselsDate } from '../../shared/domain/today.js';

const zoneDatabase = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR = 3_600_000;

describe('the date in Brussels', () => {
  it('is the time zone database’s, every hour from 1996 to 2040', () => {
    const differ: string[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2040, 0, 1); t += HOUR) {
      const at = new Date(t);
      if (brusselsDate(at) !== zoneDatabase.format(at)) differ.push(at.toISOString());
    }
    expect(differ).toEqual([]);
  });

  it('is the time zone database’s a millisecond either side of every hour (the clocks change on one), and of midnight in Brussels', () => {
    const differ: string[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2040, 0, 1); t += HOUR) {
      for (const at of [new Date(t - 1), new Date(t + 1)]) if (brusselsDate(at) !== zoneDatabase.format(at)) differ.push(at.toISOString());
    }
    for (let t = Date.UTC(1996, 0, 1, 22); t < Date.UTC(2040, 0, 1); t += 24 * HOUR) {
      for (const at of [new Date(t - 1), new Date(t), new Date(t + HOUR - 1), new Date(t + HOUR)]) {
        if (brusselsDate(at) !== zoneDatabase.format(at)) differ.push(at.toISOString());
      }
    }
    expect(differ).toEqual([]);
  });

  it('turns at midnight in Brussels: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(brusselsDate(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(brusselsDate(new Date('2026-01-14T23:00:00.000Z'))).toBe('2026-01-15');
    expect(brusselsDate(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(brusselsDate(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
    // the clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026
    expect(brusselsDate(new Date('2026-03-31T22:30:00.000Z'))).toBe('2026-04-01');
    expect(brusselsDate(new Date('2026-10-31T22:30:00.000Z'))).toBe('2026-10-31');
    expect(brusselsDate(new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-01-01');
  });
});
