// Numbers and dates as a Belgian spreadsheet writes them (infra/cli/csv/flemish-numbers.ts).
import { describe, expect, it } from 'vitest';
import { readAmount, readDate, readNumber, readWholeNumber } from '../../infra/cli/csv/flemish-numbers.js';

describe('whole numbers (counts) in Flemish or English notation', () => {
  it('reads plain numbers as they are, without a note', () => {
    expect(readWholeNumber('48210')).toEqual({ ok: true, value: 48210 });
    expect(readWholeNumber('0')).toEqual({ ok: true, value: 0 });
    expect(readWholeNumber(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readWholeNumber('-1')).toEqual({ ok: true, value: -1 });
  });

  it('reads a "." before groups of three digits as the Flemish thousands separator, and says so', () => {
    expect(readWholeNumber('48.210')).toEqual({ ok: true, value: 48210, note: '"48.210" read as 48210 (Flemish notation)' });
    expect(readWholeNumber('1.234.567')).toEqual({ ok: true, value: 1234567, note: '"1.234.567" read as 1234567 (Flemish notation)' });
    expect(readWholeNumber('48 210')).toEqual({ ok: true, value: 48210, note: '"48 210" read as 48210 (Flemish notation)' });
    expect(readWholeNumber('48\u00a0210')).toMatchObject({ ok: true, value: 48210 });
    expect(readWholeNumber('48.210,00')).toEqual({ ok: true, value: 48210, note: '"48.210,00" read as 48210 (Flemish notation)' });
  });

  it('reads English thousands where no Flemish reading exists', () => {
    expect(readWholeNumber('1,234,567')).toEqual({ ok: true, value: 1234567, note: '"1,234,567" read as 1234567 (English notation)' });
  });

  it('says exactly what to write for a decimal or an ambiguous comma', () => {
    expect(readWholeNumber('48,2')).toEqual({
      ok: false,
      message: '"48,2" is not a whole number (48,2): a count has no decimals; write 48 or 49',
    });
    expect(readWholeNumber('48.2')).toEqual({
      ok: false,
      message: '"48.2" is not a whole number (48,2): a count has no decimals; write 48 or 49',
    });
    expect(readWholeNumber('48,210')).toEqual({
      ok: false,
      message: '"48,210" is ambiguous: write 48210 if you mean 48,210 (a count has no decimals, and a comma may be a decimal comma)',
    });
    expect(readWholeNumber('abc')).toEqual({ ok: false, message: '"abc" is not a number' });
    expect(readWholeNumber('12.34.567')).toEqual({ ok: false, message: '"12.34.567" is not a number' });
  });

  it('names both readings of an ambiguous number that may have decimals', () => {
    expect(readNumber('48,210')).toEqual({
      ok: false,
      message:
        '"48,210" is ambiguous: 48210 (comma as thousands separator) or 48,21 (decimal comma)? write 48210 or 48,21 without thousands separators',
    });
  });
});

describe('amounts in euro', () => {
  it('takes Flemish decimals, thousands and a euro sign', () => {
    expect(readAmount('€ 750.000')).toEqual({ ok: true, value: 750000, note: '"€ 750.000" read as 750000 (Flemish notation)' });
    expect(readAmount('750.000,50 EUR')).toMatchObject({ ok: true, value: 750000.5 });
    expect(readAmount('1250,5')).toMatchObject({ ok: true, value: 1250.5 });
    expect(readAmount('750000')).toEqual({ ok: true, value: 750000 });
    expect(readAmount('750,000')).toEqual({
      ok: false,
      message:
        '"750,000" is ambiguous: 750000 (comma as thousands separator) or 750 (decimal comma)? write 750000 or 750 without thousands separators',
    });
  });
});

describe('dates', () => {
  it('takes YYYY-MM-DD and the day-first dates of a Belgian Excel, and nothing that is not a date', () => {
    expect(readDate('2026-10-01')).toEqual({ ok: true, value: '2026-10-01' });
    expect(readDate('1/10/2026')).toEqual({ ok: true, value: '2026-10-01', note: '"1/10/2026" read as 2026-10-01 (day/month/year)' });
    expect(readDate('31-12-2026')).toMatchObject({ ok: true, value: '2026-12-31' });
    const wrong = (raw: string) => ({ ok: false, message: `"${raw}" is not a date: write it as YYYY-MM-DD (for example 2026-10-01)` });
    expect(readDate('31/02/2026')).toEqual(wrong('31/02/2026'));
    expect(readDate('2026-13-01')).toEqual(wrong('2026-13-01'));
    expect(readDate('oktober 2026')).toEqual(wrong('oktober 2026'));
  });
});
