// Numbers as readers see them: Dutch style, and the same text however often
// a number is written (the formats remember their last texts).
import { describe, expect, it } from 'vitest';
import { count, NO_DATA, oneDecimal, percent, points } from '../../shared/domain/report/format.js';

const intl = (n: number) => new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 }).format(n);
const pct = (n: number) => new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

describe('report number formats', () => {
  it('write Dutch style, and say when there is no figure', () => {
    expect(count(1234567)).toBe('1.234.567');
    expect(count('12345678901234567890')).toBe('12.345.678.901.234.567.890');
    expect(percent(0.828)).toBe('82,8 %');
    expect(oneDecimal(4.25)).toBe('4,3');
    expect(points(-0.012)).toBe('−1,2 pp');
    expect(points(0)).toBe('0,0 pp');
    expect(count(null)).toBe(NO_DATA);
    expect(percent(undefined)).toBe(NO_DATA);
  });

  it('give Intl’s own text for every number, the first time and every time after, past what they remember', () => {
    // 6,000 distinct numbers (more than a format keeps), each written three times, in turns.
    const numbers = Array.from({ length: 6000 }, (_, i) => (i % 2 === 0 ? i * 7.3 : -i / 3));
    for (let round = 0; round < 3; round++)
      for (const n of numbers) {
        expect(count(n)).toBe(intl(n));
        expect(oneDecimal(n)).toBe(pct(n));
      }
  });

  it('keeps -0 and 0 apart, as Intl does, whichever comes first', () => {
    expect(oneDecimal(-0)).toBe(pct(-0));
    expect(oneDecimal(0)).toBe(pct(0));
    expect(oneDecimal(-0)).toBe(pct(-0));
    expect(count(0)).toBe(intl(0));
    expect(count(-0)).toBe(intl(-0));
  });
});
