// The feedback figures (design §2.1): satisfaction and found-it share are
// ratios of sums over both sources, the mean beside them; fewer than 10
// responses is "te weinig reacties"; none is no_data; a reported period
// stands, else its sub-periods are summed.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { brusselsDate } from '../../shared/domain/today.js';
import { feedbackCsv } from '../../shared/domain/feedback/feedback-csv.js';
import { aggregateFor, combinedTally, feedbackFigure, TOO_FEW_LABEL } from '../../shared/domain/feedback/figures.js';
import { serviceFeedbackView, MAX_COMMENTS_SHOWN } from '../../shared/domain/feedback/service-feedback.js';
import { addTallies, tallyOfCounts, tallyResponses, type Tally } from '../../shared/domain/feedback/tally.js';
import { parsePeriod } from '../../shared/domain/periods.js';

const tally = (ratings: [number, number, number, number, number], foundIt = { yes: 0, partly: 0, no: 0 }): Tally => ({
  responses: ratings.reduce((a, b) => a + b, 0),
  ratings,
  foundIt,
});

describe('the figure of a tally', () => {
  it('is the share of 4 and 5 over all ratings, the mean beside it, and the found-it share over the answers given', () => {
    const f = feedbackFigure(tally([1, 1, 2, 4, 4], { yes: 6, partly: 2, no: 0 }));
    expect(f).toEqual({
      status: 'enough',
      responses: 12,
      satisfaction: 8 / 12,
      meanRating: (1 + 2 + 6 + 16 + 20) / 12,
      foundItShare: 6 / 8,
      ratings: { '1': 1, '2': 1, '3': 2, '4': 4, '5': 4 },
      foundIt: { yes: 6, partly: 2, no: 0, answers: 8 },
    });
  });

  it('has no found-it share when nobody answered that question', () => {
    expect(feedbackFigure(tally([0, 0, 0, 5, 5]))).toMatchObject({ status: 'enough', foundItShare: null });
  });

  it('is "te weinig reacties" below 10 responses, never a figure', () => {
    expect(feedbackFigure(tally([0, 0, 0, 4, 5]))).toEqual({ status: 'too_few', responses: 9, label: TOO_FEW_LABEL });
    expect(feedbackFigure(tally([0, 0, 0, 5, 5])).status).toBe('enough');
  });

  it('is no_data without a single response, never 0', () => {
    expect(feedbackFigure(tally([0, 0, 0, 0, 0]))).toEqual({ status: 'no_data' });
  });

  it('sums both sources before dividing: a ratio of sums, never an average of two shares', () => {
    const form = tallyResponses([{ rating: 5 }, { rating: 5, foundIt: 'yes' }]); // 100 % satisfied, 2 responses
    const aggregate = tallyOfCounts({
      responses: 18,
      ratings: { '1': 9, '2': 0, '3': 0, '4': 0, '5': 9 },
      foundIt: { yes: 0, partly: 0, no: 9 },
    });
    const f = feedbackFigure(addTallies([form, aggregate]));
    expect(f).toMatchObject({ status: 'enough', responses: 20, satisfaction: 11 / 20, foundItShare: 1 / 10 });
    // not (1 + 0.5) / 2
    expect(f.status === 'enough' && f.satisfaction).not.toBe(0.75);
  });
});

describe('the roll-up of a provider’s aggregates', () => {
  const reported = new Map([
    ['2026-07', { version: 1, tally: tally([0, 0, 0, 1, 1]) }],
    ['2026-08', { version: 2, tally: tally([0, 0, 1, 1, 1]) }],
    ['2026-Q2', { version: 1, tally: tally([1, 1, 1, 1, 1]) }],
    ['2026-04', { version: 1, tally: tally([9, 9, 9, 9, 9]) }],
  ]);

  it('lets a reported period stand, even over its months', () => {
    expect(aggregateFor('2026-Q2', reported)).toMatchObject({ status: 'reported', version: 1, tally: { responses: 5 } });
  });

  it('sums the sub-periods otherwise, and says on how many it rests', () => {
    expect(aggregateFor('2026-Q3', reported)).toMatchObject({
      status: 'derived',
      from: 'months',
      reported: 2,
      of: 3,
      tally: { responses: 5 },
    });
    // the year: Q2 as reported (5), Q3 from its months (5); Q1 and Q4 have nothing
    expect(aggregateFor('2026', reported)).toMatchObject({
      status: 'derived',
      from: 'quarters',
      reported: 2,
      of: 4,
      tally: { responses: 10 },
    });
  });

  it('is no_data where nothing was reported', () => {
    expect(aggregateFor('2025', reported)).toEqual({ status: 'no_data', period: '2025' });
    expect(combinedTally(null, aggregateFor('2025', reported)).responses).toBe(0);
  });
});

describe('a service’s feedback for a period', () => {
  const q3 = parsePeriod('2026-Q3')!;
  const view = serviceFeedbackView({
    organisationId: 'OVO000123',
    serviceId: 'omgevingsvergunning',
    period: q3,
    months: new Map([
      ['2026-06', tally([5, 0, 0, 0, 0])], // outside Q3
      ['2026-09', tally([0, 0, 0, 2, 2], { yes: 3, partly: 0, no: 1 })],
    ]),
    aggregates: new Map([['2026-Q3', { version: 3, tally: tally([0, 1, 1, 2, 2], { yes: 2, partly: 0, no: 0 }) }]]),
    comments: [
      { source: 'form', receivedOn: '2026-09-02', rating: 2, text: '=HYPERLINK("x") te veel stappen' },
      { source: 'aggregate', receivedOn: '2026-10-01', period: '2026-Q3', text: 'Regel 1\nRegel 2' },
    ],
    retentionDays: 400,
  });

  it('adds the form’s months inside the period to the provider’s aggregate', () => {
    expect(view.feedback).toMatchObject({ status: 'enough', responses: 10, satisfaction: 8 / 10, foundItShare: 5 / 6 });
    expect(view.sources).toEqual({ form: { responses: 4 }, aggregate: { status: 'reported', version: 3, responses: 6 } });
    expect(view.commentsTotal).toBe(2);
  });

  it('shows at most 500 comments and counts the rest', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ source: 'form' as const, receivedOn: '2026-09-01', rating: 3, text: `c${i}` }));
    const v = serviceFeedbackView({
      organisationId: 'O1',
      serviceId: 's',
      period: q3,
      months: new Map(),
      aggregates: new Map(),
      comments: many,
      retentionDays: 400,
    });
    expect(v.comments).toHaveLength(MAX_COMMENTS_SHOWN);
    expect(v.commentsTotal).toBe(600);
    expect(v.feedback).toEqual({ status: 'no_data' });
  });

  it('as CSV: the figures, then a row per comment, formulas escaped and line breaks quoted', () => {
    const csv = feedbackCsv(view);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ soort: 'cijfers', periode: '2026-Q3', reacties: '10', tevredenheid: '0.8', score_5: '4' });
    expect(rows[1]).toMatchObject({
      soort: 'opmerking',
      bron: 'formulier',
      score_bij_opmerking: '2',
      opmerking: `'=HYPERLINK("x") te veel stappen`,
    });
    expect(rows[2]).toMatchObject({ bron: 'eigen feedbackinstrument', opmerking: 'Regel 1\nRegel 2' });
  });
});

describe('the day in Brussels', () => {
  it('places late evening UTC on the next day, across both daylight-saving changes', () => {
    expect(brusselsDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01'); // summer time, UTC+2
    expect(brusselsDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // winter time, UTC+1
    expect(brusselsDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
