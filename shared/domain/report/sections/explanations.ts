// Committee: every unmet criterion of each service's latest assessments, with
// the provider's explanation (comply or explain). Free text: never public.
import { csvLink } from '../components/csv-link.js';
import { details } from '../components/details.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { defineSection } from './section.js';

export const EXPLANATIONS_CSV = 'explanations.csv';

export interface ExplanationRow {
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  criterionId: string;
  explanation: string;
}

const PHASE = { pre: 'vóór', post: 'na' } as const;

export const explanationsSection = defineSection({
  id: 'toelichtingen',
  title: 'Niet voldaan, met toelichting (pas toe of leg uit)',
  in: { committee: 80 },
  model: (selection) => ({
    explanations: selection.services.flatMap(({ service }) =>
      (['pre', 'post'] as const).flatMap((phase) =>
        service.unmet[phase].map((u): ExplanationRow => ({
          organisationId: service.organisationId,
          serviceId: service.serviceId,
          phase,
          criterionId: u.criterionId,
          explanation: u.explanation,
        })),
      ),
    ),
  }),
  json: (model) => model,
  html: ({ explanations }, { heading }) => html`${heading}
<p>${explanations.length} keer voldoet een dienst niet aan een criterium; bij elk staat de uitleg van de dienstverlener.</p>
${details(
  `Toon alle ${explanations.length} toelichtingen`,
  scrollTable(
    'Criteria waaraan niet voldaan is, met de uitleg van de dienstverlener',
    ['Organisatie / dienst', 'Fase', 'Criterium', 'Toelichting'],
    explanations.map(
      (x) =>
        html`<tr><th scope="row">${x.organisationId} / ${x.serviceId}</th><td>${PHASE[x.phase]}</td><td>${x.criterionId}</td><td class="text">${x.explanation}</td></tr>`,
    ),
  ),
)}
${csvLink(EXPLANATIONS_CSV, 'de toelichtingen')}`,
  csv: [
    {
      name: EXPLANATIONS_CSV,
      header: ['periode', 'organisatie', 'dienst', 'fase', 'criterium', 'toelichting'],
      rows: ({ explanations }, { period }) =>
        explanations.map((e) => [period.id, e.organisationId, e.serviceId, e.phase, e.criterionId, e.explanation]),
    },
  ],
});
