// Committee: the criteria the fewest services meet, a sign of a shared problem
// that may need a shared solution.
import { CATALOGS, type Perspective, type Principle } from '../../catalog.js';
import type { ServiceAtPeriod } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { percent } from '../format.js';
import { html } from '../html.js';
import { defineSection } from './section.js';

export const CRITERIA_CSV = 'criteria.csv';

export interface CriterionGap {
  criterionId: string;
  principle: Principle;
  perspective: Perspective;
  text: string;
  met: number;
  notMet: number;
  notApplicable: number;
  /** met ÷ (met + not met); null when no service could meet it */
  share: number | null;
}

/** Per criterion of the current catalog, over each service's current assessment (post if any, else pre). */
export function criterionGaps(services: readonly ServiceAtPeriod[]): CriterionGap[] {
  const catalog = CATALOGS['2022-07']!;
  const gaps = catalog.criteria.map((c) => ({
    criterionId: c.id,
    principle: c.principle,
    perspective: c.perspective,
    text: c.text,
    met: 0,
    notMet: 0,
    notApplicable: 0,
    share: null as number | null,
  }));
  for (const { pre, post } of services) {
    const current = (post ?? pre)!;
    if (current.catalogVersion !== catalog.version) continue;
    [...current.answerCodes].forEach((code, i) => {
      const g = gaps[i]!;
      if (code === 'y') g.met += 1;
      else if (code === 'n') g.notMet += 1;
      else g.notApplicable += 1;
    });
  }
  for (const g of gaps) g.share = g.met + g.notMet === 0 ? null : g.met / (g.met + g.notMet);
  // The systemic gaps first: the criteria the fewest services meet.
  return gaps.sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || a.criterionId.localeCompare(b.criterionId));
}

export const criteriaSection = defineSection({
  id: 'criteria',
  title: 'Welke criteria worden het minst gehaald?',
  in: { committee: 70 },
  model: (selection) => ({ criteria: criterionGaps(selection.services) }),
  json: (model) => model,
  html: ({ criteria }, { heading, period }) => html`${heading}
<p>Criteria waaraan weinig diensten voldoen, wijzen op een gemeenschappelijk probleem dat een gedeelde oplossing kan vragen.</p>
${scrollTable(
  `Aandeel van de diensten dat aan elk criterium voldoet, laagste eerst, stand ${period.label}`,
  ['Criterium', 'Omschrijving', 'Voldaan', 'Niet voldaan', 'N.v.t.', 'Aandeel voldaan'],
  criteria.map(
    (c) =>
      html`<tr><th scope="row">${c.criterionId}</th><td class="text">${c.text}</td><td>${c.met}</td><td>${c.notMet}</td><td>${c.notApplicable}</td><td>${percent(c.share)}</td></tr>`,
  ),
)}
${csvLink(CRITERIA_CSV, 'deze tabel')}`,
  csv: [
    {
      name: CRITERIA_CSV,
      header: ['periode', 'criterium', 'principe', 'perspectief', 'voldaan', 'niet_voldaan', 'niet_van_toepassing', 'aandeel_voldaan'],
      rows: ({ criteria }, { period }) =>
        criteria.map((c) => [period.id, c.criterionId, c.principle, c.perspective, c.met, c.notMet, c.notApplicable, c.share]),
    },
  ],
});
