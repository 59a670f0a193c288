// The operational indicators of a period (actions 13 and 16), from the
// period's one selection and, for the trend, each earlier quarter's own:
// per indicator the distribution over every service, per policy domain and
// per target group, the services furthest behind their peers, and the share
// of services with a good value. A service without a value is no_data for the
// indicator: it counts among the services, never among the values.
import { catalogForPeriod, type IndicatorCatalog } from '../operational/catalogs.js';
import { goodLabelOf, hasGoodValue, isGood, type Indicator, type MeasureValue } from '../operational/indicator.js';
import { PeerIndex, lagBehind, type PeerCandidate } from '../operational/peers.js';
import { summarize } from '../operational/statistics.js';
import { valuesOf, type ServiceValues } from '../operational/values.js';
import { UNKNOWN_DOMAIN } from '../organisations.js';
import type { PeriodSelection } from './period-selection.js';

/** An indicator as the reports describe it. */
export interface IndicatorInfo {
  id: string;
  label: string;
  kind: Indicator['kind'];
  criteria: readonly string[];
  /** level: the scale, lowest first */
  scale?: readonly string[];
  /** which end is better */
  better: 'lower' | 'higher' | 'yes';
  /** the words for a good value, when the indicator has one */
  goodLabel: string | null;
}

export interface Distribution {
  /** the group: "alle", a policy domain, a target group or a quarter */
  group: string;
  /** services in the group */
  services: number;
  /** of those, the services with a value */
  reporting: number;
  /** of the values, those taken from a `pre` (forecasts) */
  forecasts: number;
  shareReporting: number | null;
  status: 'value' | 'no_data';
  median: MeasureValue | null;
  q1: MeasureValue | null;
  q3: MeasureValue | null;
  shareYes: number | null;
  /** level: how many services at each level, lowest first */
  levels?: Record<string, number>;
}

/** A service behind its peers on an indicator. */
export interface Laggard {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  value: MeasureValue;
  forecast: boolean;
  /** peers with a value */
  peers: number;
  peerMedian: MeasureValue | null;
  peerShareYes: number | null;
  /** how far behind, in the indicator's unit (steps, levels, or the share of peers with yes) */
  lag: number;
}

export interface IndicatorFigures {
  indicator: IndicatorInfo;
  all: Distribution;
  byPolicyDomain: Distribution[];
  byTargetGroup: Distribution[];
  /** the services furthest behind their peers, furthest first (at most FURTHEST) */
  furthest: Laggard[];
  /** the eight quarters, each as of its own end */
  trend: Distribution[];
}

export interface OperationalFigures {
  /** the catalog version the figures use */
  indicatorCatalogVersion: string;
  /** the quarters of the trend, each with the day it is taken as of */
  quarters: TrendQuarter[];
  indicators: IndicatorFigures[];
}

export const FURTHEST = 5;

export interface TrendQuarter {
  quarter: string;
  asOf: string;
}

const trendQuartersOf = (selection: PeriodSelection): TrendQuarter[] =>
  selection.indicatorHistory.map((q) => ({ quarter: q.quarter, asOf: q.asOf }));

/** A service of the period with its values and what decides its peers. */
export interface PeriodService extends ServiceValues {
  name: string;
  policyDomain: string | null;
}

export function infoOf(i: Indicator): IndicatorInfo {
  return {
    id: i.id,
    label: i.label,
    kind: i.kind,
    criteria: i.criteria,
    ...(i.kind === 'level' ? { scale: i.scale } : {}),
    better: i.kind === 'count' ? 'lower' : i.kind === 'yesno' ? 'yes' : i.better,
    goodLabel: hasGoodValue(i) ? goodLabelOf(i) : null,
  };
}

/** The catalog version of the period: in force at its end, or a later one its assessments name. */
export const periodCatalog = (selection: PeriodSelection): IndicatorCatalog =>
  catalogForPeriod(
    selection.indicatorCatalogs,
    selection.period.end,
    selection.services.flatMap((s) => [s.pre?.indicatorCatalogVersion, s.post?.indicatorCatalogVersion]),
  );

/**
 * The period's assessed services with their values (latest post, else latest pre). Made by each section
 * that uses them, not shared: shared, they lived through every section built between the two, and the
 * report's peak at 50,000 services rose (276.1 MiB against 258.9-260.2, docs/performance.md).
 */
export const periodServices = (selection: PeriodSelection): PeriodService[] =>
  selection.services.map(({ service, pre, post }) => ({
    organisationId: service.organisationId,
    serviceId: service.serviceId,
    name: service.name,
    targetGroups: service.targetGroups,
    policyDomain: selection.organisations.get(service.organisationId)?.policyDomain ?? null,
    values: valuesOf(pre, post),
  }));

export function distribution(i: Indicator, group: string, services: readonly ServiceValues[]): Distribution {
  // A loop, not a flatMap: this runs for every indicator, group and quarter over every service, and a
  // flatMap makes an array per service (some 77 MB at 50,000 services, measured).
  const values: Array<ServiceValues['values'][string]> = [];
  for (const s of services) if (Object.hasOwn(s.values, i.id)) values.push(s.values[i.id]!);
  const summary = summarize(
    i,
    values.map((v) => v.value),
  );
  const levels = i.kind === 'level' ? Object.fromEntries(i.scale.map((l) => [l, values.filter((v) => v.value === l).length])) : undefined;
  return {
    group,
    services: services.length,
    reporting: values.length,
    forecasts: values.filter((v) => v.forecast).length,
    shareReporting: services.length === 0 ? null : values.length / services.length,
    status: values.length === 0 ? 'no_data' : 'value',
    median: summary.median,
    q1: summary.q1,
    q3: summary.q3,
    shareYes: summary.shareYes,
    ...(levels ? { levels } : {}),
  };
}

/** Groups in the order a reader looks them up: by name (a service of several target groups counts in each). */
function groupBy(services: readonly PeriodService[], keys: (s: PeriodService) => readonly string[]): Array<[string, PeriodService[]]> {
  const groups = new Map<string, PeriodService[]>();
  for (const s of services)
    for (const k of new Set(keys(s))) {
      const list = groups.get(k);
      if (list) list.push(s);
      else groups.set(k, [s]);
    }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl'));
}

function furthest(i: Indicator, services: readonly PeriodService[], peers: PeerIndex, selection: PeriodSelection): Laggard[] {
  const out: Laggard[] = [];
  for (const s of services) {
    const own = s.values[i.id];
    if (!own) continue;
    const { summary } = peers.peerSummary(s, i);
    const lag = lagBehind(i, own.value, summary);
    if (lag <= 0) continue;
    out.push({
      organisationId: s.organisationId,
      organisationName: selection.organisations.get(s.organisationId)?.name ?? s.organisationId,
      serviceId: s.serviceId,
      serviceName: s.name,
      value: own.value,
      forecast: own.forecast,
      peers: summary.n,
      peerMedian: summary.median,
      peerShareYes: summary.shareYes,
      lag,
    });
  }
  return out
    .sort((a, b) => b.lag - a.lag || a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId))
    .slice(0, FURTHEST);
}

export function operationalFigures(selection: PeriodSelection): OperationalFigures {
  const catalog = periodCatalog(selection);
  const services = periodServices(selection);
  const peers = new PeerIndex(services satisfies PeerCandidate[]);
  const byDomain = groupBy(services, (s) => [s.policyDomain ?? UNKNOWN_DOMAIN]);
  const byTargetGroup = groupBy(services, (s) => s.targetGroups);
  return {
    indicatorCatalogVersion: catalog.version,
    quarters: trendQuartersOf(selection),
    indicators: catalog.indicators.map((i) => ({
      indicator: infoOf(i),
      all: distribution(i, 'alle', services),
      byPolicyDomain: byDomain.map(([g, list]) => distribution(i, g, list)),
      byTargetGroup: byTargetGroup.map(([g, list]) => distribution(i, g, list)),
      furthest: furthest(i, services, peers, selection),
      trend: selection.indicatorHistory.map((q) => distribution(i, q.quarter, q.services)),
    })),
  };
}

/** How many services meet a good value, results (from a `post`) and forecasts (from a `pre`) apart. */
export interface GoodCount {
  meeting: number;
  reporting: number;
  share: number | null;
}

export interface GoodValueFigures {
  indicator: IndicatorInfo;
  results: GoodCount;
  forecasts: GoodCount;
  /** the results of each quarter of the trend */
  trend: Array<{ quarter: string } & GoodCount>;
}

function goodCount(i: Indicator, services: readonly ServiceValues[], forecast: boolean): GoodCount {
  let meeting = 0;
  let reporting = 0;
  for (const s of services) {
    const v = s.values[i.id];
    if (!v || v.forecast !== forecast) continue;
    reporting += 1;
    if (isGood(i, v.value)) meeting += 1;
  }
  return { meeting, reporting, share: reporting === 0 ? null : meeting / reporting };
}

/** Per indicator with a good value: how many services meet it, now and over the quarters of the trend. No service is named. */
export interface GoodValues {
  quarters: TrendQuarter[];
  indicators: GoodValueFigures[];
  /** the labels of the indicators without a good value (not counted here) */
  withoutGoodValue: string[];
}

export function goodValueFigures(selection: PeriodSelection): GoodValues {
  const catalog = periodCatalog(selection);
  const services = periodServices(selection);
  return {
    quarters: trendQuartersOf(selection),
    indicators: catalog.indicators.filter(hasGoodValue).map((i) => ({
      indicator: infoOf(i),
      results: goodCount(i, services, false),
      forecasts: goodCount(i, services, true),
      trend: selection.indicatorHistory.map((q) => ({ quarter: q.quarter, ...goodCount(i, q.services, false) })),
    })),
    withoutGoodValue: catalog.indicators.filter((i) => !hasGoodValue(i)).map((i) => i.label),
  };
}
