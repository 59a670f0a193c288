// The public headline (design §2.1, seed §6.4.4's colour codes): a service
// scores good when it is good on at least 80 % of the user criteria (G) and of
// the inclusion criteria (I). Where either has nothing to judge (n/a) it is
// counted apart, never as good. Results (`post`) and forecasts (only a `pre`)
// are counted apart.
import type { Bands } from '../scoring.js';

export type HeadlineClass = 'good' | 'not_good' | 'not_applicable';

export function headlineClass(bands: Bands): HeadlineClass {
  const { G, I } = bands.all;
  if (G === 'n/a' || I === 'n/a') return 'not_applicable';
  return G === 'good' && I === 'good' ? 'good' : 'not_good';
}

export interface HeadlineCounts {
  /** services whose latest `post` is good on G and on I */
  good: number;
  notGood: number;
  /** G or I not applicable: counted apart */
  notApplicable: number;
  total: number;
}

export interface Headline {
  results: HeadlineCounts;
  /** services with only a `pre`: what they expect to reach */
  forecasts: HeadlineCounts;
}

const empty = (): HeadlineCounts => ({ good: 0, notGood: 0, notApplicable: 0, total: 0 });

export function headline(services: ReadonlyArray<{ pre: { bands: Bands } | null; post: { bands: Bands } | null }>): Headline {
  const out: Headline = { results: empty(), forecasts: empty() };
  for (const s of services) {
    const current = s.post ?? s.pre;
    if (!current) continue;
    const counts = s.post ? out.results : out.forecasts;
    const c = headlineClass(current.bands);
    counts.total += 1;
    if (c === 'good') counts.good += 1;
    else if (c === 'not_good') counts.notGood += 1;
    else counts.notApplicable += 1;
  }
  return out;
}
