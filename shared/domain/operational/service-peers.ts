// The service view's comparison with its peers (design §3, `peers`), as of
// today: the service's own values from its stored assessments (so a provider
// sees a new assessment at once), its peers' from the projection rows.
import { newestFirst } from '../assessment-row.js';
import type { Organisation } from '../organisations.js';
import type { StoredAssessment } from '../service-view.js';
import { catalogForPeriod, type IndicatorCatalog } from './catalogs.js';
import { PeerIndex, type PeerComparison, type PeerGroup } from './peers.js';
import { valuesOf, type ServiceValues } from './values.js';

export interface ServicePeers {
  /** how the peers were chosen: the target groups shared, and the policy domain when narrowed to it */
  peerGroup: PeerGroup;
  /** the indicator catalog version compared on */
  indicatorCatalogVersion: string;
  /** per indicator of that version, in its order */
  peers: Record<string, PeerComparison>;
}

export function servicePeers(o: {
  id: { organisationId: string; serviceId: string };
  stored: readonly StoredAssessment[];
  /** the target groups of its plan, for a service not assessed yet */
  plannedTargetGroups?: readonly string[];
  /** every service's values as of today (the service itself may be among them, or not yet) */
  others: readonly ServiceValues[];
  organisations: ReadonlyMap<string, Organisation>;
  catalogs: readonly IndicatorCatalog[];
  today: string;
}): ServicePeers {
  const sorted = [...o.stored].sort((a, b) =>
    newestFirst(
      { assessedOn: a.submission.assessedOn, submittedAt: a.submittedAt },
      { assessedOn: b.submission.assessedOn, submittedAt: b.submittedAt },
    ),
  );
  const latest = (phase: 'pre' | 'post') => sorted.find((a) => a.submission.phase === phase)?.submission ?? null;
  const own = valuesOf(latest('pre'), latest('post'));
  const domainOf = (organisationId: string) => o.organisations.get(organisationId)?.policyDomain ?? null;
  const index = new PeerIndex(o.others.map((s) => ({ ...s, policyDomain: domainOf(s.organisationId) })));
  const subject = {
    ...o.id,
    targetGroups: sorted[0]?.submission.service.targetGroups ?? o.plannedTargetGroups ?? [],
    policyDomain: domainOf(o.id.organisationId),
  };
  const catalog = catalogForPeriod(
    o.catalogs,
    o.today,
    sorted.map((a) => a.submission.indicatorCatalogVersion),
  );
  return {
    peerGroup: index.peerGroup(subject),
    indicatorCatalogVersion: catalog.version,
    peers: Object.fromEntries(catalog.indicators.map((i) => [i.id, index.compare(subject, i, own[i.id])])),
  };
}
