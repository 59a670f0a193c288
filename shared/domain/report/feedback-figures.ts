// The users' feedback in a period's reports (design §2.1, seed actions 14 and
// 21): per service and over all services, both sources summed (form months
// and the provider's aggregates, rolled up as counts are: a reported period
// stands, else its sub-periods are summed), and the evolution over eight
// quarters. Every figure is a ratio of sums; below 10 responses it is "te
// weinig reacties", without any it is no_data.
import { aggregateFor, combinedTally, feedbackFigure, type FeedbackFigure } from '../feedback/figures.js';
import { monthsOf, type AggregateSource } from '../feedback/service-feedback.js';
import { addTallies, type Tally } from '../feedback/tally.js';
import { describeOrganisation } from '../organisations.js';
import { parsePeriod } from '../periods.js';
import { feedbackQuarters, serviceKey, type FeedbackTallyRow } from './feedback-input.js';
import type { PeriodSelection } from './period-selection.js';

/** One service's tallies, as the roll-up reads them. */
interface ServiceTallies {
  organisationId: string;
  serviceId: string;
  months: Map<string, Tally>;
  aggregates: Map<string, { version: number; tally: Tally }>;
}

export interface ServiceFeedback {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
  feedback: FeedbackFigure;
  /** what each source adds: the form's responses, and the provider's aggregate (reported, derived or none) */
  sources: { form: number; aggregate: AggregateSource };
}

export interface PeriodFeedback {
  /** every service with at least one response in the period, by organisation then service */
  services: ServiceFeedback[];
  /** over all services: the ratio of the sums */
  all: FeedbackFigure;
  /** the services of the period's selection without any response in it */
  servicesWithout: number;
  /** over all services, quarter by quarter, oldest first */
  evolution: Array<{ quarter: string; feedback: FeedbackFigure }>;
}

function byService(rows: readonly FeedbackTallyRow[]): ServiceTallies[] {
  const out = new Map<string, ServiceTallies>();
  for (const r of rows) {
    const k = serviceKey(r);
    let s = out.get(k);
    if (!s) {
      s = { organisationId: r.organisationId, serviceId: r.serviceId, months: new Map(), aggregates: new Map() };
      out.set(k, s);
    }
    if (r.source === 'form') s.months.set(r.period, r.tally);
    else s.aggregates.set(r.period, { version: r.version, tally: r.tally });
  }
  return [...out.values()];
}

function aggregateSource(a: ReturnType<typeof aggregateFor>): AggregateSource {
  if (a.status === 'no_data') return { status: 'no_data' };
  if (a.status === 'reported') return { status: 'reported', version: a.version, responses: a.tally.responses };
  return { status: 'derived', derivedFrom: a.from, subPeriodsReported: a.reported, subPeriods: a.of, responses: a.tally.responses };
}

/** A service's tally for a period: its form months inside it plus its provider's aggregate for it. */
function serviceTally(s: ServiceTallies, periodId: string): { tally: Tally; form: number; aggregate: AggregateSource } {
  const form = addTallies(monthsOf(parsePeriod(periodId)!).flatMap((m) => (s.months.has(m) ? [s.months.get(m)!] : [])));
  const aggregate = aggregateFor(periodId, s.aggregates);
  return { tally: combinedTally(form, aggregate), form: form.responses, aggregate: aggregateSource(aggregate) };
}

/** The period's tally of each service with feedback, by organisation then service (a figure several sections share). */
export function serviceTallies(
  selection: PeriodSelection,
): Array<ServiceTallies & { tally: Tally; form: number; aggregate: AggregateSource }> {
  return byService(selection.feedback)
    .map((s) => ({ ...s, ...serviceTally(s, selection.period.id) }))
    .filter((s) => s.tally.responses > 0);
}

/** The period's feedback, per service and over all of them, with its evolution (shared by the sections that show it). */
export function periodFeedback(selection: PeriodSelection): PeriodFeedback {
  const names = new Map(selection.all.map((s) => [serviceKey(s), s.name]));
  const withFeedback = selection.shared(serviceTallies);
  const services = withFeedback.map((s): ServiceFeedback => ({
    organisationId: s.organisationId,
    organisationName: describeOrganisation(s.organisationId, selection.organisations).name,
    serviceId: s.serviceId,
    // A service the form knows but the period's selection does not yet (assessed later): named by its id.
    name: names.get(serviceKey(s)) ?? s.serviceId,
    feedback: feedbackFigure(s.tally),
    sources: { form: s.form, aggregate: s.aggregate },
  }));
  const counted = new Set(withFeedback.map(serviceKey));
  const all = byService(selection.feedback);
  return {
    services,
    all: feedbackFigure(addTallies(withFeedback.map((s) => s.tally))),
    servicesWithout: selection.all.filter((s) => !counted.has(serviceKey(s))).length,
    evolution: feedbackQuarters(selection.period).map((quarter) => ({
      quarter,
      feedback: feedbackFigure(addTallies(all.map((s) => serviceTally(s, quarter).tally))),
    })),
  };
}
