import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/domain/report/csv.js';

describe('CSV (RFC 4180, formula-safe)', () => {
  it('defuses every cell that a spreadsheet would run as a formula', () => {
    const rows = ['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR'].map((c) => [c]);
    expect(toCsv(['cel'], rows).split('\r\n')).toEqual(['cel', "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tTAB", '"\'\rCR"', '']);
  });

  it('quotes separators, quotes and line breaks, and leaves plain text and numbers alone', () => {
    expect(
      toCsv(
        ['a', 'b', 'c', 'd'],
        [
          ['x, y', 'zei "ja"', 'twee\nregels', 12.5],
          ['gewoon', '', null, 0],
        ],
      ),
    ).toBe('a,b,c,d\r\n"x, y","zei ""ja""","twee\nregels",12.5\r\ngewoon,,,0\r\n');
  });
});
