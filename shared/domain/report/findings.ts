// Data-quality findings for the committee, each with its severity: what looks
// wrong in the data rather than in the services.
import { shiftPeriod } from '../periods.js';
import { CHANNELS, figureFor, type CountsSummary, type PeriodFigure } from '../service-counts.js';
import type { ServiceAtPeriod } from './assessment-figures.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  severity: Severity;
  code: 'services-dropped-to-zero' | 'volume-jump' | 'counts-unchanged' | 'post-below-pre' | 'many-not-applicable';
  subject: string;
  message: string;
}

export interface EloketHistory {
  id: string;
  name: string;
  reported: ReadonlyMap<string, { version: number; summary: CountsSummary }>;
}

const total = (s: CountsSummary): bigint | null =>
  CHANNELS.reduce<bigint | null>((acc, c) => (s.volumes[c] === null ? acc : (acc ?? 0n) + s.volumes[c]!), null);

const withData = (f: PeriodFigure): CountsSummary | null => (f.status === 'no_data' ? null : f.summary);

const sameCounts = (a: CountsSummary, b: CountsSummary) =>
  a.servicesOffered === b.servicesOffered && CHANNELS.every((c) => a.volumes[c] === b.volumes[c]);

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** More than this share of an assessment's answers `not_applicable` is unusual (design §2.1). */
export const NOT_APPLICABLE_WARNING_SHARE = 0.25;

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function dataQualityFindings(period: string, eloketten: readonly EloketHistory[], services: readonly ServiceAtPeriod[]): Finding[] {
  const findings: Finding[] = [];
  const prev = shiftPeriod(period, -1);
  for (const e of eloketten) {
    const cur = withData(figureFor(period, e.reported));
    const before = withData(figureFor(prev, e.reported));
    if (cur && before) {
      if (before.servicesOffered > 0n && cur.servicesOffered === 0n) {
        findings.push({
          severity: 'error',
          code: 'services-dropped-to-zero',
          subject: e.id,
          message: `${e.name}: het aantal aangeboden diensten zakt van ${before.servicesOffered} in ${prev} naar 0 in ${period}.`,
        });
      }
      const t0 = total(before);
      const t1 = total(cur);
      if (t0 !== null && t1 !== null && t0 > 0n && t1 > 0n && (t1 > t0 * 10n || t0 > t1 * 10n)) {
        findings.push({
          severity: 'warning',
          code: 'volume-jump',
          subject: e.id,
          message: `${e.name}: het aantal interacties verandert meer dan tienvoudig, van ${t0} in ${prev} naar ${t1} in ${period}.`,
        });
      }
    }
    const lastFour = [0, -1, -2, -3].map((n) => withData(figureFor(shiftPeriod(period, n), e.reported)));
    if (lastFour.every((s) => s !== null) && lastFour.every((s) => sameCounts(s!, lastFour[0]!))) {
      findings.push({
        severity: 'notice',
        code: 'counts-unchanged',
        subject: e.id,
        message: `${e.name}: de cijfers zijn vier periodes na elkaar exact dezelfde (${shiftPeriod(period, -3)} tot ${period}); zijn ze bijgewerkt?`,
      });
    }
  }
  for (const { service, pre, post } of services) {
    // n/a must not become a way around criteria: an unusually high share of it is worth a look.
    for (const x of [pre, post]) {
      if (!x) continue;
      const na = [...x.answerCodes].filter((c) => c === '-').length;
      if (na / x.answerCodes.length > NOT_APPLICABLE_WARNING_SHARE) {
        findings.push({
          severity: 'warning',
          code: 'many-not-applicable',
          subject: `${service.organisationId}/${service.serviceId}/${x.phase}`,
          message: `${service.name} (${service.organisationId}): ${na} van de ${x.answerCodes.length} criteria zijn als niet van toepassing beantwoord in de toetsing ${x.phase === 'pre' ? 'vóór' : 'na'} de vernieuwing (${pct(na / x.answerCodes.length)}); kijk de toelichtingen na.`,
        });
      }
    }
    const a = pre?.scores.all.all;
    const b = post?.scores.all.all;
    if (a !== undefined && a !== null && b !== undefined && b !== null && b < a) {
      findings.push({
        severity: 'warning',
        code: 'post-below-pre',
        subject: `${service.organisationId}/${service.serviceId}`,
        message: `${service.name} (${service.organisationId}): de toetsing na de vernieuwing (${pct(b)}) scoort lager dan die ervoor (${pct(a)}).`,
      });
    }
  }
  return findings.sort(
    (x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || x.code.localeCompare(y.code) || x.subject.localeCompare(y.subject),
  );
}
