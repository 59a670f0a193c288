// What a period's reports are built from: the data selected for the period,
// shared by every section, so that each figure is computed from one selection.
import { buildEloketFigures } from '../indicators.js';
import type { Organisation } from '../organisations.js';
import { parsePeriod, type Period } from '../periods.js';
import type { CountsSummary } from '../service-counts.js';
import type { ServiceProjection } from '../service-view.js';
import { assessmentsAsOf, servicesAt, type ServiceAtPeriod } from './assessment-figures.js';

export interface EloketInput {
  id: string;
  name: string;
  main: boolean;
  reported: ReadonlyMap<string, { version: number; summary: CountsSummary; submittedAt: string }>;
}

export interface ReportInput {
  periodId: string;
  codeVersion: string;
  services: readonly ServiceProjection[];
  eloketten: readonly EloketInput[];
  organisations: ReadonlyMap<string, Organisation>;
}

export interface PeriodSelection {
  readonly period: Period;
  readonly codeVersion: string;
  /** the services assessed by the period's end, with the assessments that count, by organisation then service */
  readonly services: readonly ServiceAtPeriod[];
  readonly eloketten: readonly EloketInput[];
  readonly organisations: ReadonlyMap<string, Organisation>;
  /** each e-loket's counts for the period, and all of them together */
  readonly counts: ReturnType<typeof buildEloketFigures>;
  /** the newest submission the reports rest on; null when there is none */
  readonly asOf: string | null;
  /** A figure that several sections show, computed once for the period. */
  shared<T>(figure: (selection: PeriodSelection) => T): T;
}

export const byOrgThenService = (a: { organisationId: string; serviceId: string }, b: { organisationId: string; serviceId: string }) =>
  a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId);

export function selectPeriod(input: ReportInput): PeriodSelection {
  const period = parsePeriod(input.periodId);
  if (!period) throw new Error(`invalid period ${input.periodId}`);
  const services = servicesAt(input.services, period).sort((a, b) => byOrgThenService(a.service, b.service));
  const counts = buildEloketFigures(input.periodId, input.eloketten);
  let asOf = assessmentsAsOf(services);
  if (counts.asOf !== null && (asOf === null || counts.asOf > asOf)) asOf = counts.asOf;
  const cache = new Map<(selection: PeriodSelection) => unknown, unknown>();
  const selection: PeriodSelection = {
    period,
    codeVersion: input.codeVersion,
    services,
    eloketten: input.eloketten,
    organisations: input.organisations,
    counts,
    asOf,
    shared<T>(figure: (s: PeriodSelection) => T): T {
      if (!cache.has(figure)) cache.set(figure, figure(selection));
      return cache.get(figure) as T;
    },
  };
  return selection;
}
