// Which published reports an erasure republishes: those whose period holds
// the day a form comment was given, or the period a provider reported it for.
import { describe, expect, it } from 'vitest';
import { periodsShowing } from '../../shared/domain/feedback/erasure.js';

const PUBLISHED = ['2025', '2025-Q4', '2025-12', '2026-Q1', '2026-01', '2026-02', '2026-Q2'];

describe('the reports an erasure republishes', () => {
  it('are the periods holding the day a form comment was given', () => {
    expect(periodsShowing(PUBLISHED, [{ source: 'form', receivedOn: '2026-01-31' }])).toEqual(['2026-Q1', '2026-01']);
    expect(periodsShowing(PUBLISHED, [{ source: 'form', receivedOn: '2025-12-01' }])).toEqual(['2025', '2025-Q4', '2025-12']);
  });

  it('are the periods holding the period a provider reported a comment for, whenever it was received', () => {
    // Reported for 2025-Q4 in January: the year and the quarter showed it, no month did.
    expect(periodsShowing(PUBLISHED, [{ source: 'aggregate', receivedOn: '2026-01-10', period: '2025-Q4' }])).toEqual(['2025', '2025-Q4']);
    expect(periodsShowing(PUBLISHED, [{ source: 'aggregate', receivedOn: '2026-03-10', period: '2026-02' }])).toEqual([
      '2026-Q1',
      '2026-02',
    ]);
  });

  it('are none when no published report covers the comments', () => {
    expect(periodsShowing(PUBLISHED, [{ source: 'form', receivedOn: '2026-07-01' }])).toEqual([]);
    expect(periodsShowing(PUBLISHED, [])).toEqual([]);
  });
});
