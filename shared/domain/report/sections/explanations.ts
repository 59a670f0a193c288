// Committee: every explained answer of the assessments that count for the
// period — each unmet criterion with the provider's explanation (comply or
// explain) and, for a not-applicable answer, why it does not apply — so that
// n/a cannot dodge a criterion unseen. Free text: never public.
import { CATALOGS } from '../../catalog.js';
import { describeOrganisation } from '../../organisations.js';
import { csvLink } from '../components/csv-link.js';
import { eachRow } from '../csv.js';
import { details } from '../components/details.js';
import { scrollTable } from '../components/table.js';
import { each, html } from '../html.js';
import { lazyFlatMap } from '../lazy-list.js';
import type { ExplainedAnswer } from '../period-selection.js';
import { defineSection } from './section.js';

export const EXPLANATIONS_CSV = 'explanations.csv';

export interface ExplanationRow {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  phase: 'pre' | 'post';
  criterionId: string;
  criterionText: string;
  answer: 'no' | 'not_applicable';
  explanation: string;
  plannedBy: string | null;
}

const PHASE = { pre: 'vóór', post: 'na' } as const;
const ANSWER = { no: 'niet voldaan', not_applicable: 'niet van toepassing' } as const;

const criterionTexts = new Map(Object.values(CATALOGS).flatMap((c) => c.criteria.map((x) => [x.id, x.text] as const)));

/** An assessment's explained answers, as the selection holds them, with what each of its rows shows besides. */
interface Explained {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  phase: 'pre' | 'post';
  answers: readonly ExplainedAnswer[];
}

/**
 * The rows, made when written (a function of its own, so that the list holds only the
 * explained answers, not the selection they were picked from), and the counts the page states.
 */
function explanationRows(explained: readonly Explained[]) {
  let length = 0;
  let unmet = 0;
  for (const { answers } of explained) {
    length += answers.length;
    for (const x of answers) if (x.answer === 'no') unmet++;
  }
  const explanations = lazyFlatMap(
    explained,
    ({ organisationId, organisationName, serviceId, serviceName, phase, answers }) =>
      answers.map((x): ExplanationRow => ({
        organisationId,
        organisationName,
        serviceId,
        serviceName,
        phase,
        criterionId: x.criterionId,
        criterionText: criterionTexts.get(x.criterionId) ?? x.criterionId,
        answer: x.answer,
        explanation: x.explanation,
        plannedBy: x.plannedBy ?? null,
      })),
    length,
  );
  return { explanations, unmet };
}

export const explanationsSection = defineSection({
  id: 'toelichtingen',
  title: 'Niet voldaan of niet van toepassing, met toelichting (pas toe of leg uit)',
  in: { committee: 80 },
  model: (selection) => {
    const explained = selection.services.flatMap(({ service, pre, post }) => {
      const organisationName = describeOrganisation(service.organisationId, selection.organisations).name;
      return [pre, post].flatMap((a) => {
        const answers = a === null ? undefined : selection.explanations.get(a.assessmentId);
        return a === null || answers === undefined || answers.length === 0
          ? []
          : [
              {
                organisationId: service.organisationId,
                organisationName,
                serviceId: service.serviceId,
                serviceName: service.name,
                phase: a.phase,
                answers,
              },
            ];
      });
    });
    return explanationRows(explained);
  },
  json: ({ explanations }) => ({ explanations }),
  html: ({ explanations, unmet }, { heading }) =>
    html`${heading}
<p>${unmet} keer voldoet een dienst niet aan een criterium, ${explanations.length - unmet} keer is een criterium niet van toepassing; bij elk staat de uitleg van de dienstverlener.</p>
${details(
  `Toon alle ${explanations.length} toelichtingen`,
  scrollTable(
    'Criteria waaraan niet voldaan is of die niet van toepassing zijn, met de uitleg van de dienstverlener',
    ['Organisatie / dienst', 'Fase', 'Criterium', 'Antwoord', 'Toelichting'],
    each(
      explanations,
      (x) =>
        html`<tr><th scope="row">${x.organisationName} / ${x.serviceName}</th><td>${PHASE[x.phase]}</td><td class="text">${x.criterionId}: ${x.criterionText}</td><td class="text">${ANSWER[x.answer]}${x.plannedBy ? html`<br>voldaan tegen ${x.plannedBy}` : ''}</td><td class="text">${x.explanation}</td></tr>`,
    ),
  ),
)}
${csvLink(EXPLANATIONS_CSV, 'de toelichtingen')}`,
  csv: [
    {
      name: EXPLANATIONS_CSV,
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'fase',
        'criterium',
        'criterium_tekst',
        'antwoord',
        'toelichting',
        'voldaan_tegen',
      ],
      rows: ({ explanations }, { period }) =>
        eachRow(explanations, (e) => [
          period.id,
          e.organisationId,
          e.organisationName,
          e.serviceId,
          e.serviceName,
          e.phase,
          e.criterionId,
          e.criterionText,
          e.answer,
          e.explanation,
          e.plannedBy,
        ]),
    },
  ],
});
