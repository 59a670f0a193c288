// Committee: the main e-loketten that sent no counts for the period.
import { html } from '../html.js';
import { defineSection } from './section.js';

export const missingCountsSection = defineSection({
  id: 'niet-gemeld',
  title: 'Wie meldde niets?',
  in: { committee: 30 },
  model: (selection) => ({
    missingCounts: selection.eloketten
      .filter((e) => e.main && selection.counts.eloketten[e.id]?.status === 'no_data')
      .map((e) => ({ id: e.id, name: e.name })),
  }),
  json: (model) => model,
  html: ({ missingCounts }, { heading, period }) => html`${heading}
${
  missingCounts.length === 0
    ? html`<p>Alle hoofd-e-loketten meldden cijfers voor ${period.label}.</p>`
    : html`<ul>${missingCounts.map((m) => html`<li>${m.name}: geen cijfers voor ${period.label}</li>`)}</ul>`
}`,
});
