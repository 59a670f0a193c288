// What a period's reports read of the feedback instrument, the maturity scans
// and the action plan, and which of it a period takes (design §2 "As of a
// period"): a form month or a provider's aggregate is dated by its period, a
// comment by the day it was given (form) or the period it was reported for,
// a maturity scan and a plan by their year, a status change by the day it was
// recorded. What is dated after the period's end never reaches its reports.
import type { ActionStatusChangedV1 } from '../../../events/action-status-changed.js';
import type { FeedbackComment } from '../feedback/service-feedback.js';
import type { Tally } from '../feedback/tally.js';
import { parsePeriod, periodContaining, shiftPeriod, type Period } from '../periods.js';
import type { MaturityLevel } from '../strategy/maturity.js';

/** A feedback tally as projected: a month of form responses, or a provider's current aggregate for a period. */
export type FeedbackTallyRow =
  | {
      source: 'form';
      organisationId: string;
      serviceId: string;
      /** the month the responses were given in, YYYY-MM */
      period: string;
      tally: Tally;
      /** when the newest response of the month was given (absent on items projected before it was kept) */
      lastGivenAt?: string | undefined;
    }
  | {
      source: 'aggregate';
      organisationId: string;
      serviceId: string;
      period: string;
      version: number;
      tally: Tally;
      /** when the version that stands was submitted (absent on items projected before it was kept) */
      submittedAt?: string | undefined;
    };

/** A comment as stored (masked), with its service: only those not expired when the reports were built. */
export type ReportComment = FeedbackComment & { organisationId: string; serviceId: string };

/** A provider's plan for a year, empty ones too (a plan that plans nothing is still a plan). */
export interface PlanHead {
  organisationId: string;
  year: number;
  submittedAt?: string | undefined;
}

/** The maturity scan that stands for an organisation and year. */
export interface MaturityScanFact {
  organisationId: string;
  year: number;
  submittedAt: string;
  themes: Readonly<Record<string, { current: MaturityLevel; ambition: MaturityLevel }>>;
}

export type StatusChangeFact = ActionStatusChangedV1['payload'];

export const serviceKey = (o: { organisationId: string; serviceId: string }) => `${o.organisationId}/${o.serviceId}`;

const inside = (inner: Period, outer: Period) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The eight quarters a period's feedback evolution shows: ending with the last
 * quarter that has ended by the period's end (a month's report does not show
 * its quarter half-way).
 */
export function feedbackQuarters(period: Period): string[] {
  let last = periodContaining(period.end, 'quarter');
  if (parsePeriod(last)!.end > period.end) last = shiftPeriod(last, -1);
  return [-7, -6, -5, -4, -3, -2, -1, 0].map((n) => shiftPeriod(last, n));
}

/** Whether a period shows a tally: inside the period, or inside one of its evolution's quarters (so dated by its end). */
export function showsFeedback(period: Period): (row: { period: string }) => boolean {
  const spans = [period, ...feedbackQuarters(period).map((q) => parsePeriod(q)!)];
  return (row) => {
    const p = parsePeriod(row.period);
    return p !== undefined && spans.some((s) => inside(p, s));
  };
}

/** Whether a tally counts for the period itself (its services' comments are read for it). */
export function withinPeriod(period: Period): (row: { period: string }) => boolean {
  return (row) => {
    const p = parsePeriod(row.period);
    return p !== undefined && inside(p, period);
  };
}

/** The tallies a period shows, and only those. */
export const feedbackOfPeriod = (period: Period, rows: readonly FeedbackTallyRow[]): FeedbackTallyRow[] =>
  rows.filter(showsFeedback(period));

/** The comments of a period: given in it (form), or reported for a period inside it (a provider's). */
export function commentsOfPeriod(period: Period, comments: readonly ReportComment[]): ReportComment[] {
  return comments.filter((c) => {
    if (c.source === 'form') return c.receivedOn >= period.start && c.receivedOn <= period.end;
    const p = parsePeriod(c.period);
    return p !== undefined && inside(p, period);
  });
}
