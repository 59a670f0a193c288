// The period in five figures, at the top of both reports.
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
      good: assessments.bands.all.all.good,
      improved: selection.shared(reworkedOf).improved,
      all: selection.counts.all,
    };
  },
  html: ({ assessed, good, improved, all }, { heading }) => html`${heading}
${kpiList([
  { figure: count(assessed), text: 'getoetste diensten' },
  { figure: count(good), text: 'diensten scoren goed op alle criteria samen' },
  { figure: count(improved), text: 'vernieuwde diensten scoren beter' },
  { figure: all.status === 'no_data' ? NO_DATA : count(all.servicesOffered), text: 'diensten via de e-loketten' },
  { figure: all.status === 'no_data' ? NO_DATA : percent(all.digitalShare), text: 'van de interacties verloopt online' },
])}`,
});
