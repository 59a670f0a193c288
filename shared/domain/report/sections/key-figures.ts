// The period in a few figures, at the top of both reports. The headline
// follows the seed's own colour codes (§6.4.4): a service scores good when it
// does on at least 80 % of the user criteria and of the inclusion criteria;
// results (after the rework) and forecasts (before it) are counted apart.
import { kpiList } from '../components/kpi-list.js';
import { count, NO_DATA, percent } from '../format.js';
import { html } from '../html.js';
import { assessmentsOf } from './bands.js';
import { reworkedOf } from './reworked.js';
import { defineSection } from './section.js';

export const keyFiguresSection = defineSection({
  id: 'kort',
  title: (page) => `In het kort: ${page.period.label}`,
  in: { public: 10, committee: 10 },
  model: (selection) => {
    const assessments = selection.shared(assessmentsOf);
    return {
      assessed: assessments.services,
      headline: assessments.headline,
      improved: selection.shared(reworkedOf).improved,
      all: selection.counts.all,
    };
  },
  html: ({ assessed, headline, improved, all }, { heading }) => html`${heading}
${kpiList([
  { figure: count(assessed), text: 'getoetste diensten' },
  {
    figure: `${count(headline.results.good)} van ${count(headline.results.total)}`,
    text: 'vernieuwde diensten scoren goed op de gebruikers- én op de inclusiecriteria (resultaat na de vernieuwing)',
  },
  {
    figure: `${count(headline.forecasts.good)} van ${count(headline.forecasts.total)}`,
    text: 'diensten in vernieuwing verwachten goed te scoren op beide (toetsing vóór de vernieuwing)',
  },
  { figure: count(improved), text: 'vernieuwde diensten scoren beter dan vóór hun vernieuwing' },
  { figure: all.status === 'no_data' ? NO_DATA : count(all.servicesOffered), text: 'diensten via de e-loketten' },
  { figure: all.status === 'no_data' ? NO_DATA : percent(all.digitalShare), text: 'van de interacties verloopt online' },
])}
${
  headline.results.notApplicable + headline.forecasts.notApplicable > 0
    ? html`<p class="note">${count(headline.results.notApplicable + headline.forecasts.notApplicable)} diensten tellen apart: op de gebruikers- of op de inclusiecriteria is niets van toepassing, dus ze scoren daar niet „goed”.</p>`
    : ''
}`,
});
