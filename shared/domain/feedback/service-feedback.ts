// What the owner of a service and the committee read about its feedback for
// a period (GET /v1/feedback/{org}/{svc}): the figure over both sources, what
// each source adds, and the comments, newest first.
import type { Period } from '../periods.js';
import { aggregateFor, combinedTally, feedbackFigure, type AggregateFigure, type FeedbackFigure } from './figures.js';
import { addTallies, type Tally } from './tally.js';

/** At most this many comments in one answer (the rest is counted, not shown): a Lambda answer stops at 6 MB. */
export const MAX_COMMENTS_SHOWN = 500;

export type FeedbackComment =
  | { source: 'form'; receivedOn: string; rating: number; text: string }
  | { source: 'aggregate'; receivedOn: string; period: string; text: string };

export type AggregateSource =
  | { status: 'no_data' }
  | { status: 'reported'; version: number; responses: number }
  | { status: 'derived'; derivedFrom: 'quarters' | 'months'; subPeriodsReported: number; subPeriods: number; responses: number };

export interface ServiceFeedbackView {
  organisationId: string;
  serviceId: string;
  period: string;
  feedback: FeedbackFigure;
  sources: { form: { responses: number }; aggregate: AggregateSource };
  comments: FeedbackComment[];
  /** comments in the period; more than are shown when past MAX_COMMENTS_SHOWN */
  commentsTotal: number;
  /** days a comment is kept before it expires */
  retentionDays: number;
}

/** The months of a period, as YYYY-MM. */
export function monthsOf(p: Period): string[] {
  const first = Number(p.start.slice(5, 7));
  const last = Number(p.end.slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, i) => `${p.year}-${String(first + i).padStart(2, '0')}`);
}

function aggregateSource(a: AggregateFigure): AggregateSource {
  if (a.status === 'no_data') return { status: 'no_data' };
  if (a.status === 'reported') return { status: 'reported', version: a.version, responses: a.tally.responses };
  return { status: 'derived', derivedFrom: a.from, subPeriodsReported: a.reported, subPeriods: a.of, responses: a.tally.responses };
}

export function serviceFeedbackView(o: {
  organisationId: string;
  serviceId: string;
  period: Period;
  /** form tallies per month */
  months: ReadonlyMap<string, Tally>;
  /** the provider's current aggregate per period it reported */
  aggregates: ReadonlyMap<string, { version: number; tally: Tally }>;
  comments: readonly FeedbackComment[];
  retentionDays: number;
}): ServiceFeedbackView {
  const form = addTallies(monthsOf(o.period).flatMap((m) => (o.months.has(m) ? [o.months.get(m)!] : [])));
  const aggregate = aggregateFor(o.period.id, o.aggregates);
  return {
    organisationId: o.organisationId,
    serviceId: o.serviceId,
    period: o.period.id,
    feedback: feedbackFigure(combinedTally(form, aggregate)),
    sources: { form: { responses: form.responses }, aggregate: aggregateSource(aggregate) },
    comments: o.comments.slice(0, MAX_COMMENTS_SHOWN),
    commentsTotal: o.comments.length,
    retentionDays: o.retentionDays,
  };
}
