// Peers (design §2.1) on known data: the services sharing a target group,
// narrowed to the policy domain where at least 5 share it; never the service
// itself; values from the latest post, else the latest pre (a forecast);
// fewer than 3 peers with a value is "te weinig vergelijkbare diensten".
import { describe, expect, it } from 'vitest';
import { allCatalogs, FIRST_INDICATOR_CATALOG } from '../../shared/domain/operational/catalogs.js';
import type { Indicator, MeasureValue } from '../../shared/domain/operational/indicator.js';
import { PeerIndex, type PeerCandidate, type PeerSubject } from '../../shared/domain/operational/peers.js';
import { servicePeers } from '../../shared/domain/operational/service-peers.js';
import { valuesOf, type ServiceValue, type ServiceValues } from '../../shared/domain/operational/values.js';

const indicator = (id: string): Indicator => FIRST_INDICATOR_CATALOG.indicators.find((i) => i.id === id)!;
const steps = indicator('processSteps');
const notifications = indicator('notifications');
const language = indicator('plainLanguageLevel');

const value = (v: MeasureValue, forecast = false): ServiceValue => ({ value: v, forecast, assessedOn: '2026-06-01' });

let n = 0;
function candidate(o: {
  targetGroups?: string[];
  policyDomain?: string | null;
  values?: Record<string, MeasureValue>;
  id?: string;
  org?: string;
}): PeerCandidate {
  n += 1;
  return {
    organisationId: o.org ?? 'OVO1',
    serviceId: o.id ?? `dienst-${n}`,
    targetGroups: o.targetGroups ?? ['burgers'],
    policyDomain: o.policyDomain === undefined ? 'Omgeving' : o.policyDomain,
    values: Object.fromEntries(Object.entries(o.values ?? {}).map(([k, v]) => [k, value(v)])),
  };
}

const subjectOf = (c: PeerCandidate): PeerSubject => ({
  organisationId: c.organisationId,
  serviceId: c.serviceId,
  targetGroups: c.targetGroups,
  policyDomain: c.policyDomain,
});

describe('who the peers are', () => {
  it('are the other services sharing at least one target group; the service itself never', () => {
    const me = candidate({ id: 'ik', targetGroups: ['burgers', 'verenigingen'], values: { processSteps: 14 } });
    const others = [
      candidate({ targetGroups: ['burgers'], values: { processSteps: 4 } }),
      candidate({ targetGroups: ['verenigingen', 'ondernemers'], values: { processSteps: 6 } }),
      candidate({ targetGroups: ['verenigingen'], values: { processSteps: 8 } }),
      // no shared target group: not a peer, however close
      candidate({ targetGroups: ['ondernemers'], values: { processSteps: 100 } }),
    ];
    const index = new PeerIndex([me, ...others]);
    expect(index.peerGroup(subjectOf(me))).toEqual({ targetGroups: ['burgers', 'verenigingen'], policyDomain: null, services: 3 });
    // Peers 4, 6, 8: median 6. With its own 14 among them it would be 7.
    expect(index.compare(subjectOf(me), steps, me.values.processSteps)).toEqual({
      status: 'compared',
      value: 14,
      forecast: false,
      peers: 3,
      median: 6,
      comparison: 'worse',
    });
  });

  it('narrow to the policy domain where at least 5 peers share it, and not where 4 do', () => {
    const me = candidate({ id: 'ik', values: { processSteps: 5 } });
    const sameDomain = [3, 4, 5, 6, 7].map((s) => candidate({ values: { processSteps: s } }));
    const otherDomain = [20, 30, 40].map((s) => candidate({ policyDomain: 'Onderwijs en Vorming', values: { processSteps: s } }));
    const five = new PeerIndex([me, ...sameDomain, ...otherDomain]);
    expect(five.peerGroup(subjectOf(me))).toEqual({ targetGroups: ['burgers'], policyDomain: 'Omgeving', services: 5 });
    expect(five.compare(subjectOf(me), steps, me.values.processSteps)).toMatchObject({ peers: 5, median: 5, comparison: 'same' });

    const four = new PeerIndex([me, ...sameDomain.slice(1), ...otherDomain]);
    expect(four.peerGroup(subjectOf(me))).toEqual({ targetGroups: ['burgers'], policyDomain: null, services: 7 });
    // 4, 5, 6, 7, 20, 30, 40: median 7
    expect(four.compare(subjectOf(me), steps, me.values.processSteps)).toMatchObject({ peers: 7, median: 7, comparison: 'better' });
  });

  it('does not narrow for an organisation without a registered policy domain', () => {
    const me = candidate({ id: 'ik', policyDomain: null, values: { processSteps: 5 } });
    const others = [1, 2, 3, 4, 5, 6].map((s) => candidate({ policyDomain: null, values: { processSteps: s } }));
    expect(new PeerIndex([me, ...others]).peerGroup(subjectOf(me)).policyDomain).toBeNull();
  });

  it('counts a service sharing two target groups once', () => {
    const me = candidate({ id: 'ik', targetGroups: ['burgers', 'ondernemers'] });
    const both = candidate({ targetGroups: ['burgers', 'ondernemers'], values: { notifications: true } });
    const index = new PeerIndex([me, both, candidate({ values: { notifications: false } })]);
    expect(index.peerGroup(subjectOf(me)).services).toBe(2);
  });

  it('leaves out the service itself even when it is not among the candidates yet, or its values there are older', () => {
    const stale = candidate({ id: 'ik', values: { processSteps: 2 } });
    const others = [10, 11, 12].map((s) => candidate({ values: { processSteps: s } }));
    const index = new PeerIndex([stale, ...others]);
    // The caller read a newer own value (30) than the candidate row holds (2): the peers stay 10, 11, 12.
    expect(index.compare(subjectOf(stale), steps, value(30))).toMatchObject({ peers: 3, median: 11, value: 30 });
    const absent = new PeerIndex(others);
    expect(absent.compare(subjectOf(stale), steps, value(30))).toMatchObject({ peers: 3, median: 11 });
  });
});

describe('comparing with the peers', () => {
  const me = candidate({ id: 'ik', values: { processSteps: 8 } });

  it('says "te weinig vergelijkbare diensten" with fewer than 3 peers that have a value', () => {
    const others = [candidate({ values: { processSteps: 4 } }), candidate({ values: { processSteps: 6 } }), candidate({})];
    const index = new PeerIndex([me, ...others]);
    expect(index.compare(subjectOf(me), steps, me.values.processSteps)).toEqual({
      status: 'too_few_peers',
      value: 8,
      forecast: false,
      peers: 2,
      note: 'te weinig vergelijkbare diensten',
    });
    expect(index.compare(subjectOf(me), steps, undefined)).toEqual({
      status: 'too_few_peers',
      value: null,
      peers: 2,
      note: 'te weinig vergelijkbare diensten',
    });
  });

  it('gives a service without a value no_data, with the peers’ figure beside it', () => {
    const others = [4, 6, 9].map((s) => candidate({ values: { processSteps: s } }));
    expect(new PeerIndex([me, ...others]).compare(subjectOf(me), steps, undefined)).toEqual({
      status: 'no_data',
      value: null,
      peers: 3,
      median: 6,
    });
  });

  it('gives the share of yes for a yes/no indicator, and whether the service is behind most peers', () => {
    const others = [true, true, false, true].map((v) => candidate({ values: { notifications: v } }));
    const index = new PeerIndex([me, ...others]);
    expect(index.compare(subjectOf(me), notifications, value(false))).toEqual({
      status: 'compared',
      value: false,
      forecast: false,
      peers: 4,
      shareYes: 0.75,
      comparison: 'worse',
    });
    expect(index.compare(subjectOf(me), notifications, value(true, true))).toMatchObject({ forecast: true, comparison: 'same' });
  });

  it('compares a level with the peers’ median level, better when simpler', () => {
    const others = ['B1', 'B2', 'C1', 'A2'].map((v) => candidate({ values: { plainLanguageLevel: v } }));
    const index = new PeerIndex([me, ...others]);
    // A2, B1, B2, C1: the lower middle one, B1
    expect(index.compare(subjectOf(me), language, value('A1'))).toMatchObject({ median: 'B1', comparison: 'better' });
    expect(index.compare(subjectOf(me), language, value('C2'))).toMatchObject({ median: 'B1', comparison: 'worse' });
  });
});

describe('a service’s value', () => {
  it('comes from the latest post, else from the latest pre as a forecast, per indicator', () => {
    const pre = { assessedOn: '2026-01-10', measures: { processSteps: 9, notifications: false, wcagLevel: 'A' } };
    const post = { assessedOn: '2026-06-10', measures: { processSteps: 5, notifications: true } };
    expect(valuesOf(pre, post)).toEqual({
      processSteps: { value: 5, forecast: false, assessedOn: '2026-06-10' },
      notifications: { value: true, forecast: false, assessedOn: '2026-06-10' },
      wcagLevel: { value: 'A', forecast: true, assessedOn: '2026-01-10' },
    });
    expect(valuesOf(pre, null).processSteps).toEqual({ value: 9, forecast: true, assessedOn: '2026-01-10' });
    // No value anywhere: no entry, so no_data for that indicator.
    expect(valuesOf({ assessedOn: '2026-01-10' }, null)).toEqual({});
  });
});

describe('the service view’s peers', () => {
  const others: ServiceValues[] = [4, 6, 9].map((s, i) => ({
    organisationId: 'OVO2',
    serviceId: `ander-${i}`,
    targetGroups: ['burgers'],
    values: { processSteps: value(s) },
  }));

  it('compares a service only planned on its plan’s target groups: every indicator without its value', () => {
    const view = servicePeers({
      id: { organisationId: 'OVO1', serviceId: 'gepland' },
      stored: [],
      plannedTargetGroups: ['burgers'],
      others,
      organisations: new Map(),
      catalogs: allCatalogs(),
      today: '2026-11-26',
    });
    expect(view.peerGroup).toEqual({ targetGroups: ['burgers'], policyDomain: null, services: 3 });
    expect(view.indicatorCatalogVersion).toBe('2026-10');
    expect(view.peers.processSteps).toEqual({ status: 'no_data', value: null, peers: 3, median: 6 });
    expect(view.peers.notifications).toEqual({ status: 'too_few_peers', value: null, peers: 0, note: 'te weinig vergelijkbare diensten' });
  });
});
