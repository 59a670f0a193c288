// Medians, quartiles and shares of the operational indicators on known data
// (design §2.1): QUARTILE.INC as spreadsheets compute it, the mean of the two
// middle values for an even count, the lower of the two on a level scale.
import { describe, expect, it } from 'vitest';
import { FIRST_INDICATOR_CATALOG } from '../../shared/domain/operational/catalogs.js';
import type { Indicator } from '../../shared/domain/operational/indicator.js';
import { summarize } from '../../shared/domain/operational/statistics.js';

const indicator = (id: string): Indicator => FIRST_INDICATOR_CATALOG.indicators.find((i) => i.id === id)!;
const steps = indicator('processSteps');
const language = indicator('plainLanguageLevel');
const wcag = indicator('wcagLevel');
const notifications = indicator('notifications');

describe('a count: median and QUARTILE.INC', () => {
  it('interpolates the quartiles of an even count as a spreadsheet does, and takes the mean of the middle two', () => {
    // =QUARTILE.INC({1;2;4;7;8;9;10;12};1) is 3.5, ;2 is 7.5, ;3 is 9.25
    expect(summarize(steps, [12, 1, 9, 4, 8, 2, 10, 7])).toEqual({ n: 8, median: 7.5, q1: 3.5, q3: 9.25, shareYes: null });
  });

  it('takes the middle value of an odd count', () => {
    // =QUARTILE.INC({3;6;14;20;21};1) is 6, ;3 is 20
    expect(summarize(steps, [14, 3, 21, 6, 20])).toEqual({ n: 5, median: 14, q1: 6, q3: 20, shareYes: null });
  });

  it('keeps ties', () => {
    expect(summarize(steps, [5, 5, 9, 5])).toEqual({ n: 4, median: 5, q1: 5, q3: 6, shareYes: null });
    expect(summarize(steps, [6, 6])).toEqual({ n: 2, median: 6, q1: 6, q3: 6, shareYes: null });
  });

  it('has one value as median and quartiles, and none without values', () => {
    expect(summarize(steps, [4])).toEqual({ n: 1, median: 4, q1: 4, q3: 4, shareYes: null });
    expect(summarize(steps, [])).toEqual({ n: 0, median: null, q1: null, q3: null, shareYes: null });
  });
});

describe('a level scale: nothing lies between two levels', () => {
  it('takes the lower of the two middle levels of an even count', () => {
    expect(summarize(language, ['B2', 'A2']).median).toBe('A2');
    expect(summarize(wcag, ['AA', 'A', 'AAA', 'none']).median).toBe('A');
  });

  it('takes the middle level of an odd count, and the quartiles at the lower level around their position', () => {
    // ranks A1=0 … C2=5: sorted 0,1,2,2,3,5,5 — Q1 at position 1.5, median 3, Q3 4.5
    expect(summarize(language, ['C2', 'B1', 'A1', 'B2', 'C2', 'A2', 'B1'])).toEqual({
      n: 7,
      median: 'B1',
      q1: 'A2',
      q3: 'B2',
      shareYes: null,
    });
  });
});

describe('yes or no: the share of yes', () => {
  it('counts yes over the values given', () => {
    expect(summarize(notifications, [true, false, true, true])).toEqual({ n: 4, median: null, q1: null, q3: null, shareYes: 0.75 });
    expect(summarize(notifications, [false, false]).shareYes).toBe(0);
    expect(summarize(notifications, []).shareYes).toBeNull();
  });
});
