// The operational indicators in the demo (actions 13 and 16): measures for
// most services, with a realistic spread and a few outliers, added after the
// random part of demoServices (its own sequence, so every other figure of the
// demo stays what it was); and a second catalog version, with one indicator
// added, that the committee imports early in the current quarter — after
// which three services are re-assessed with it.
import type { AssessmentSubmission } from '../../shared/domain/assessment.js';
import { FIRST_INDICATOR_CATALOG } from '../../shared/domain/operational/catalogs.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { addDays } from '../../shared/domain/today.js';
import type { DemoService, DemoTimeline } from './demo-data.js';

type Measures = NonNullable<AssessmentSubmission['measures']>;

/** The indicator the demo's second version adds. */
export const DEMO_ADDED_INDICATOR = 'statusTracking';

/** The committee's file, as a Belgian spreadsheet saves it: the whole catalog is not needed, only what is new. */
export const DEMO_INDICATORS_CSV = [
  'id;label;kind;scale;better;good;goodLabel;criteria',
  `${DEMO_ADDED_INDICATOR};Stand van zaken online te volgen;yesno;;;;stand van zaken online te volgen;GC-G4 BT-G5 DG-I3`,
].join('\r\n');

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/**
 * Measures for most assessments: a `pre` says what the service expects (a
 * forecast), a `post` what it does. Posts keep the measures of the random part
 * and gain the others. About one service in eight reports none; a few are
 * outliers (many steps, C2 language, no WCAG level).
 */
export function addDemoMeasures(services: DemoService[], rnd: () => number): void {
  const chance = (p: number) => rnd() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  services.forEach((s, i) => {
    const silent = chance(0.12);
    const outlier = i % 11 === 4;
    const base = outlier ? int(18, 26) : int(4, 12);
    for (const a of s.assessments) {
      if (silent) continue;
      const post = a.phase === 'post';
      const steps = post ? Math.max(2, base - int(1, 4)) : base;
      const level = outlier ? 'C2' : LEVELS[Math.min(5, int(1, 3) + (post ? 0 : int(0, 1)))]!;
      const extra: Measures = {
        processSteps: steps,
        notifications: chance(post ? 0.7 : 0.5),
        plainLanguageLevel: level,
        mobileUsable: chance(post ? 0.8 : 0.6),
        wcagLevel: outlier ? 'none' : chance(0.55) ? 'AA' : chance(0.3) ? 'AAA' : 'A',
        ...(chance(0.85) ? { singleSignOn: chance(0.6) } : {}),
        ...(chance(0.8) ? { feedbackOption: chance(0.5) } : {}),
      };
      // What the random part already measured of a post stays as it was.
      a.measures = { ...extra, ...(a.measures ?? {}) };
    }
  });
}

/** The day the committee publishes the second version: early in the current quarter (never after today). */
export function demoCatalogDay(t: DemoTimeline): string | null {
  const day = [addDays(parsePeriod(t.lastQuarter)!.end, 20), t.today].sort()[0]!;
  // The version is named by that day, and sorts after the first (2026-10): before that, the demo has one version.
  return day > FIRST_INDICATOR_CATALOG.publishedOn ? day : null;
}

/**
 * Re-assessments after the second version: the latest `post` of three services
 * (of different organisations), again, a few days apart, naming the new
 * version and measuring the added indicator.
 */
export function demoReassessments(t: DemoTimeline, services: readonly DemoService[], version: string): AssessmentSubmission[] {
  const seen = new Set<string>();
  const picked = services.filter((s) => {
    if (!s.assessments.some((a) => a.phase === 'post' && a.measures) || seen.has(s.organisationId)) return false;
    seen.add(s.organisationId);
    return true;
  });
  return picked.slice(0, 3).map((s, n) => {
    const post = s.assessments.filter((a) => a.phase === 'post').at(-1)!;
    return {
      ...post,
      assessedOn: [addDays(version, 3 + 3 * n), t.today].sort()[0]!,
      indicatorCatalogVersion: version,
      measures: { ...post.measures, [DEMO_ADDED_INDICATOR]: n !== 1 },
    };
  });
}
