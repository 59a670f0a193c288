// Owed assessments (design §2, §2.1) — the one rule every figure and list uses:
// a significant service owes its `pre` from the day its work starts (`startsOn`
// of its plan; without a plan, from the day it was first seen) and its `post`
// from 90 days after it went live (`goLiveOn` of its plan, or of its latest
// assessment), that day included. A service whose go-live date is unknown is
// "go-live unknown", not owing a `post`.
import type { Significance } from '../significance.js';
import { addDays } from '../today.js';

export const POST_DUE_AFTER_DAYS = 90;

export interface OwedInput {
  significance: Significance;
  /** the service's entry in its latest plan as of the date, if any */
  plan: { startsOn: string; goLiveOn?: string | undefined } | null;
  /** the earliest assessedOn of the service as of the date */
  firstSeen: string | null;
  /** the latest assessment of each phase as of the date */
  pre: { assessedOn: string } | null;
  post: { assessedOn: string } | null;
  /** service.goLiveOn of the latest assessment as of the date */
  assessedGoLiveOn?: string | undefined;
}

export interface OwedAssessment {
  phase: 'pre' | 'post';
  /** owed since this day */
  since: string;
}

export interface OwedStatus {
  readonly owes: readonly OwedAssessment[];
  /** significant, no `post` yet, and no go-live date known */
  readonly goLiveUnknown: boolean;
}

// Most services owe nothing: they share one frozen status instead of an object and an empty list each.
const NOTHING: OwedStatus = Object.freeze({ owes: Object.freeze([]), goLiveUnknown: false });
const NOTHING_GO_LIVE_UNKNOWN: OwedStatus = Object.freeze({ owes: Object.freeze([]), goLiveUnknown: true });

export function owedAssessments(s: OwedInput, asOf: string): OwedStatus {
  if (s.significance !== true) return NOTHING;
  const owes: OwedAssessment[] = [];
  const preFrom = s.plan?.startsOn ?? s.firstSeen;
  if (!s.pre && preFrom !== null && asOf >= preFrom) owes.push({ phase: 'pre', since: preFrom });
  const goLiveOn = s.plan?.goLiveOn ?? s.assessedGoLiveOn;
  if (goLiveOn) {
    const postFrom = addDays(goLiveOn, POST_DUE_AFTER_DAYS);
    if (!s.post && asOf >= postFrom) owes.push({ phase: 'post', since: postFrom });
  }
  const goLiveUnknown = !s.post && !goLiveOn;
  if (owes.length === 0) return goLiveUnknown ? NOTHING_GO_LIVE_UNKNOWN : NOTHING;
  return { owes, goLiveUnknown };
}
