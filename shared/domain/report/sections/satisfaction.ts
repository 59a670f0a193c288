// How satisfied users are (seed actions 14 and 21, design §5): per service
// and over all services the share of scores 4 and 5 with the mean score
// beside it and the number of responses, the share of users who found what
// they came for, and the evolution over eight quarters. Below 10 responses:
// "te weinig reacties", never a figure. Figures only: comments never reach
// this section (they are personal data, shown to the committee apart).
import type { FeedbackFigure } from '../../feedback/figures.js';
import { csvLink } from '../components/csv-link.js';
import { kpiList } from '../components/kpi-list.js';
import { quarterLineChart } from '../components/quarter-line-chart.js';
import { scrollTable } from '../components/table.js';
import { periodFeedback } from '../feedback-figures.js';
import { count, NO_DATA, oneDecimal, percent } from '../format.js';
import { html } from '../html.js';
import { periodShort, SERIES_COLOURS } from '../labels.js';
import { COLUMNS } from '../columns.js';
import type { ColumnMeta } from './section.js';
import { defineSection } from './section.js';

export const SATISFACTION_CSV = 'tevredenheid.csv';
export const SATISFACTION_EVOLUTION_CSV = 'tevredenheid-kwartalen.csv';

/** The figure's cells as a reader sees them: satisfaction, mean score, found-it share. */
function shown(f: FeedbackFigure): [string, string, string] {
  if (f.status === 'no_data') return [NO_DATA, NO_DATA, NO_DATA];
  if (f.status === 'too_few') return [f.label, f.label, f.label];
  return [percent(f.satisfaction), `${oneDecimal(f.meanRating)} op 5`, percent(f.foundItShare)];
}

/** No response is no data, never shown as 0 (design §2.1 "States"). */
const responses = (f: FeedbackFigure) => (f.status === 'no_data' ? null : f.responses);

/** The CSV cells of a figure: its status, then the numbers only when there are enough responses. */
const figureCells = (f: FeedbackFigure) =>
  f.status === 'enough'
    ? [f.status, f.responses, f.satisfaction, f.meanRating, f.foundItShare]
    : [f.status, f.status === 'too_few' ? f.responses : null, null, null, null];

const FIGURE_COLUMNS = {
  status: {
    description:
      'enough: 10 reacties of meer, met cijfers; too_few: minder dan 10 reacties ("te weinig reacties", zonder cijfers); no_data: geen reacties.',
    datatype: 'string',
    values: ['enough', 'too_few', 'no_data'],
  },
  reacties: {
    description: 'Aantal reacties met een score (formulier en eigen instrument samen).',
    datatype: 'integer',
    minimum: 0,
    unit: 'reacties',
    empty: 'geen reacties',
  },
  tevredenheid: {
    description: 'Aandeel tevreden gebruikers: Σ(scores 4 en 5) ÷ Σ(scores), over alle reacties samen.',
    datatype: 'double',
    minimum: 0,
    maximum: 1,
    unit: 'aandeel (0 tot 1)',
    empty: 'minder dan 10 reacties, of geen',
  },
  gemiddelde_score: {
    description: 'De gemiddelde score (1 tot 5).',
    datatype: 'double',
    minimum: 1,
    maximum: 5,
    empty: 'minder dan 10 reacties, of geen',
  },
  gevonden_aandeel: {
    description: 'Aandeel gebruikers die vonden wat ze zochten: Σja ÷ Σ(antwoorden op die vraag).',
    datatype: 'double',
    minimum: 0,
    maximum: 1,
    unit: 'aandeel (0 tot 1)',
    empty: 'minder dan 10 reacties, of niemand beantwoordde die vraag',
  },
} as const satisfies Record<string, ColumnMeta>;

export const satisfactionSection = defineSection({
  id: 'tevredenheid',
  title: 'Hoe tevreden zijn de gebruikers?',
  in: { public: 37, committee: 97 },
  model: (selection) => ({ feedback: selection.shared(periodFeedback) }),
  json: (model) => model,
  html: ({ feedback: { services, all, servicesWithout, evolution } }, { heading, period }) => {
    const [satisfaction, mean, found] = shown(all);
    const chartValues = evolution.map((e) => (e.feedback.status === 'enough' ? Math.round(e.feedback.satisfaction * 1000) / 10 : null));
    return html`${heading}
<p>Gebruikers geven een dienst een score van 1 (heel ontevreden) tot 5 (heel tevreden), op het formulier bij de dienst of in het eigen feedbackinstrument van de organisatie. Tevreden zijn wie 4 of 5 geven. Met minder dan 10 reacties tonen we geen cijfer: dan staat er „te weinig reacties”.</p>
${kpiList([
  { figure: satisfaction, text: `van de gebruikers is tevreden (score 4 of 5), over alle diensten in ${period.label}` },
  { figure: mean, text: 'gemiddelde score' },
  { figure: count(responses(all)), text: 'reacties' },
  { figure: found, text: 'vond wat hij of zij zocht' },
])}
${
  services.length === 0
    ? html`<p>Geen reacties in ${period.label}.</p>`
    : scrollTable(
        `Tevredenheid per dienst, ${period.label}`,
        ['Dienst', 'Reacties', 'Tevreden (4 of 5)', 'Gemiddelde score', 'Vond wat hij zocht'],
        services.map((s) => {
          const [sat, m, f] = shown(s.feedback);
          return html`<tr><th scope="row">${s.name}<br><span class="note">${s.organisationName}</span></th><td>${count(responses(s.feedback))}</td><td>${sat}</td><td>${m}</td><td>${f}</td></tr>`;
        }),
      )
}
${
  servicesWithout > 0
    ? html`<p class="note">${servicesWithout === 1 ? '1 andere dienst kreeg' : `${count(servicesWithout)} andere diensten kregen`} geen reacties in ${period.label} (geen gegevens).</p>`
    : ''
}
${csvLink(SATISFACTION_CSV, 'deze tabel')}
<h3>Tevredenheid over acht kwartalen</h3>
${quarterLineChart(
  `Aandeel tevreden gebruikers over alle diensten per kwartaal: ${evolution.map((e) => `${periodShort(e.quarter)} ${shown(e.feedback)[0]}`).join(', ')}`,
  evolution.map((e) => e.quarter),
  [{ colour: SERIES_COLOURS[0]!, values: chartValues }],
  { max: 100, tick: (v) => `${v} %` },
)}
${scrollTable(
  `Tevredenheid over alle diensten, ${periodShort(evolution[0]!.quarter)} tot ${periodShort(evolution.at(-1)!.quarter)}`,
  ['Cijfer', ...evolution.map((e) => periodShort(e.quarter))],
  [
    html`<tr><th scope="row">Tevreden (4 of 5)</th>${evolution.map((e) => html`<td>${shown(e.feedback)[0]}</td>`)}</tr>`,
    html`<tr><th scope="row">Gemiddelde score</th>${evolution.map((e) => html`<td>${shown(e.feedback)[1]}</td>`)}</tr>`,
    html`<tr><th scope="row">Reacties</th>${evolution.map((e) => html`<td>${count(responses(e.feedback))}</td>`)}</tr>`,
  ],
)}
${csvLink(SATISFACTION_EVOLUTION_CSV, 'deze tabel')}`;
  },
  csv: [
    {
      name: SATISFACTION_CSV,
      metadata: {
        title: 'Tevredenheid van de gebruikers per dienst',
        description:
          'Eén rij per dienst met reacties in de periode (via het feedbackformulier of het eigen instrument van de dienstverlener), en een laatste rij over alle diensten samen.',
        columns: {
          periode: COLUMNS.period,
          organisatie: { ...COLUMNS.organisation, empty: 'de rij over alle diensten' },
          organisatie_naam: { ...COLUMNS.organisationName, empty: 'de rij over alle diensten' },
          dienst: { ...COLUMNS.service, empty: 'de rij over alle diensten' },
          dienst_naam: COLUMNS.serviceName,
          ...FIGURE_COLUMNS,
          reacties_formulier: {
            description: 'Aantal reacties via het feedbackformulier van dds-monitor.',
            datatype: 'integer',
            minimum: 0,
            unit: 'reacties',
            empty: 'de rij over alle diensten',
          },
          eigen_instrument: {
            description:
              'reported: de dienstverlener meldde cijfers van zijn eigen instrument voor de periode; derived: afgeleid uit de gemelde maanden of kwartalen; no_data: geen.',
            datatype: 'string',
            values: ['reported', 'derived', 'no_data'],
            empty: 'de rij over alle diensten',
          },
        },
      },
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'status',
        'reacties',
        'tevredenheid',
        'gemiddelde_score',
        'gevonden_aandeel',
        'reacties_formulier',
        'eigen_instrument',
      ],
      rows: ({ feedback }, { period }) => [
        ...feedback.services.map((s) => [
          period.id,
          s.organisationId,
          s.organisationName,
          s.serviceId,
          s.name,
          ...figureCells(s.feedback),
          s.sources.form,
          s.sources.aggregate.status,
        ]),
        [period.id, null, null, null, 'alle diensten', ...figureCells(feedback.all), null, null],
      ],
    },
    {
      name: SATISFACTION_EVOLUTION_CSV,
      metadata: {
        title: 'Tevredenheid van de gebruikers per kwartaal',
        description:
          'De tevredenheid over alle diensten samen in elk van de laatste acht kwartalen die afgelopen waren aan het einde van de periode.',
        columns: { kwartaal: COLUMNS.quarter, ...FIGURE_COLUMNS },
      },
      header: ['kwartaal', 'status', 'reacties', 'tevredenheid', 'gemiddelde_score', 'gevonden_aandeel'],
      rows: ({ feedback }) => feedback.evolution.map((e) => [e.quarter, ...figureCells(e.feedback)]),
    },
  ],
});
