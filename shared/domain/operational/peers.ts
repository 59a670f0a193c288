// Comparing a service with its peers (actions 13 and 16: compare services to
// find points to improve; design §2.1). The peers of a service S are the other
// services whose latest assessment shares at least one target group with S;
// where at least 5 of those share S's policy domain, only those. Each
// indicator is compared over the peers that have a value; with fewer than 3,
// there is no comparison: "te weinig vergelijkbare diensten".
import type { Indicator, MeasureValue } from './indicator.js';
import { worseBy } from './indicator.js';
import { lowerBound, rankOf, summarizeRanks, type Summary } from './statistics.js';
import type { ServiceValue, ServiceValues } from './values.js';

/** At least this many peers in the service's own policy domain narrow its peers to that domain. */
export const DOMAIN_PEERS = 5;
/** Fewer peers with a value than this, and there is nothing to compare with. */
export const MIN_PEERS = 3;
export const TOO_FEW_PEERS = 'te weinig vergelijkbare diensten';

export interface PeerCandidate extends ServiceValues {
  /** from the organisation register; null for an organisation not registered */
  policyDomain: string | null;
}

export interface PeerSubject {
  organisationId: string;
  serviceId: string;
  targetGroups: readonly string[];
  policyDomain: string | null;
}

export type PeerComparison =
  | {
      status: 'compared';
      value: MeasureValue;
      forecast: boolean;
      /** peers with a value */
      peers: number;
      /** count and level: the peers' median; yes/no: the share of peers with yes */
      median?: MeasureValue;
      shareYes?: number;
      /** the service against the peers: better, as good, or worse */
      comparison: 'better' | 'same' | 'worse';
    }
  | { status: 'no_data'; value: null; peers: number; median?: MeasureValue; shareYes?: number }
  | { status: 'too_few_peers'; value: MeasureValue | null; forecast?: boolean; peers: number; note: typeof TOO_FEW_PEERS };

/** How the peers of a service were chosen. */
export interface PeerGroup {
  targetGroups: string[];
  /** the policy domain the peers were narrowed to, or null when they were not */
  policyDomain: string | null;
  /** how many peers (with or without values) */
  services: number;
}

const idOf = (s: { organisationId: string; serviceId: string }) => `${s.organisationId}\u0000${s.serviceId}`;

/**
 * The candidates indexed so that every service of a report is compared in
 * about the time it takes to sort each peer group once: services with the
 * same target groups and narrowing share one sorted list per indicator, from
 * which each leaves out its own value.
 */
export class PeerIndex {
  private readonly byId = new Map<string, PeerCandidate>();
  private readonly byTargetGroup = new Map<string, PeerCandidate[]>();
  private readonly unions = new Map<string, PeerCandidate[]>();
  private readonly groups = new Map<string, PeerCandidate[]>();
  private readonly sorted = new Map<string, number[]>();

  constructor(candidates: readonly PeerCandidate[]) {
    for (const c of candidates) {
      this.byId.set(idOf(c), c);
      for (const g of new Set(c.targetGroups)) {
        const list = this.byTargetGroup.get(g) ?? [];
        list.push(c);
        this.byTargetGroup.set(g, list);
      }
    }
  }

  /** Every candidate sharing a target group with the list (the subject itself too, when it is a candidate). */
  private union(targetGroups: readonly string[]): { key: string; members: PeerCandidate[] } {
    const key = [...new Set(targetGroups)].sort().join('|');
    let members = this.unions.get(key);
    if (!members) {
      const seen = new Set<PeerCandidate>();
      for (const g of key.split('|')) for (const c of this.byTargetGroup.get(g) ?? []) seen.add(c);
      members = [...seen];
      this.unions.set(key, members);
    }
    return { key, members };
  }

  /** The subject's peer group: its key, its members (the subject among them when it is a candidate), and how it was chosen. */
  private group(subject: PeerSubject): { key: string; members: PeerCandidate[]; self: PeerCandidate | undefined; group: PeerGroup } {
    const { key, members } = this.union(subject.targetGroups);
    const targetGroups = key.split('|');
    // The subject's own entry, when it is a candidate that falls in the group (its stored target groups may differ).
    const candidate = this.byId.get(idOf(subject));
    const inUnion = candidate && candidate.targetGroups.some((g) => targetGroups.includes(g)) ? candidate : undefined;
    const selfIn = (list: readonly PeerCandidate[]) =>
      inUnion && (list === members || inUnion.policyDomain === subject.policyDomain) ? inUnion : undefined;
    if (subject.policyDomain !== null) {
      const domainKey = `${key}#${subject.policyDomain}`;
      let inDomain = this.groups.get(domainKey);
      if (!inDomain) {
        inDomain = members.filter((m) => m.policyDomain === subject.policyDomain);
        this.groups.set(domainKey, inDomain);
      }
      const self = selfIn(inDomain);
      if (inDomain.length - (self ? 1 : 0) >= DOMAIN_PEERS)
        return {
          key: domainKey,
          members: inDomain,
          self,
          group: { targetGroups, policyDomain: subject.policyDomain, services: inDomain.length - (self ? 1 : 0) },
        };
    }
    const self = selfIn(members);
    return { key, members, self, group: { targetGroups, policyDomain: null, services: members.length - (self ? 1 : 0) } };
  }

  /** The members' ranks of an indicator, sorted, once per group. */
  private ranks(key: string, members: readonly PeerCandidate[], indicator: Indicator): number[] {
    const k = `${key}\u0000${indicator.id}`;
    let ranks = this.sorted.get(k);
    if (!ranks) {
      ranks = members.flatMap((m) => (Object.hasOwn(m.values, indicator.id) ? [rankOf(indicator, m.values[indicator.id]!.value)] : []));
      ranks.sort((a, b) => a - b);
      this.sorted.set(k, ranks);
    }
    return ranks;
  }

  /** The peers' summary of one indicator for the subject: its group's values without its own. */
  peerSummary(subject: PeerSubject, indicator: Indicator): { summary: Summary; group: PeerGroup } {
    const g = this.group(subject);
    const ranks = this.ranks(g.key, g.members, indicator);
    const own = g.self?.values[indicator.id];
    if (!own) return { summary: summarizeRanks(indicator, (k) => ranks[k]!, ranks.length), group: g.group };
    // Leave out one occurrence of the subject's own value: a service is never its own peer.
    const skip = lowerBound((k) => ranks[k]!, ranks.length, rankOf(indicator, own.value));
    const at = (k: number) => ranks[k < skip ? k : k + 1]!;
    return { summary: summarizeRanks(indicator, at, ranks.length - 1), group: g.group };
  }

  /** How the subject's peers were chosen. */
  peerGroup(subject: PeerSubject): PeerGroup {
    return this.group(subject).group;
  }

  /** The subject against its peers on one indicator, with its own value (from wherever the caller read it). */
  compare(subject: PeerSubject, indicator: Indicator, own: ServiceValue | undefined): PeerComparison {
    return compareWith(indicator, own, this.peerSummary(subject, indicator).summary);
  }
}

/** A value against the peers' summary of the same indicator. */
export function compareWith(indicator: Indicator, own: ServiceValue | undefined, peers: Summary): PeerComparison {
  if (peers.n < MIN_PEERS)
    return own
      ? { status: 'too_few_peers', value: own.value, forecast: own.forecast, peers: peers.n, note: TOO_FEW_PEERS }
      : { status: 'too_few_peers', value: null, peers: peers.n, note: TOO_FEW_PEERS };
  const figure = indicator.kind === 'yesno' ? { shareYes: peers.shareYes! } : { median: peers.median! };
  if (!own) return { status: 'no_data', value: null, peers: peers.n, ...figure };
  return {
    status: 'compared',
    value: own.value,
    forecast: own.forecast,
    peers: peers.n,
    ...figure,
    comparison: standing(indicator, own.value, peers),
  };
}

/** Better, as good, or worse than the peers: than their median, or for yes/no than what most of them have. */
function standing(indicator: Indicator, value: MeasureValue, peers: Summary): 'better' | 'same' | 'worse' {
  if (indicator.kind === 'yesno') {
    const share = peers.shareYes!;
    if (share === 0.5) return 'same';
    return (value === true) === share > 0.5 ? 'same' : value === true ? 'better' : 'worse';
  }
  const d = worseBy(indicator, value, peers.median!);
  return d > 0 ? 'worse' : d < 0 ? 'better' : 'same';
}

/**
 * How far a value lags its peers, in the indicator's own unit: steps above the
 * peers' median, levels below it, or for a `no` the share of peers with yes.
 * Zero or less: not behind.
 */
export function lagBehind(indicator: Indicator, value: MeasureValue, peers: Summary): number {
  if (peers.n < MIN_PEERS) return 0;
  if (indicator.kind === 'yesno') return value === true ? 0 : peers.shareYes!;
  return worseBy(indicator, value, peers.median!);
}
