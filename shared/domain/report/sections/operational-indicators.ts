// Committee: one part per operational indicator (actions 13 and 16): how the
// values are spread over all services (median, quartiles, the share that
// reports it), per policy domain and per target group, the services furthest
// behind their peers, and the trend over eight quarters, each quarter from
// its own as-of selection. Every chart has its table; the CSV files are long:
// one row per indicator and group.
import type { Cell } from '../csv.js';
import { details } from '../components/details.js';
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { quarterLineChart } from '../components/quarter-line-chart.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { NO_DATA, percent } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { operationalFigures, type Distribution, type IndicatorFigures, type OperationalFigures } from '../indicator-figures.js';
import { periodShort, SERIES_COLOURS, TARGET_GROUP_LABELS } from '../labels.js';
import { valueText, type MeasureValue } from '../../operational/indicator.js';
import { defineSection } from './section.js';

export const OPERATIONAL_CSV = 'operationele-indicatoren.csv';
export const LEVELS_CSV = 'operationele-indicatoren-niveaus.csv';
export const LAGGARDS_CSV = 'operationele-indicatoren-achterstand.csv';

const KIND_TEXT = {
  lower: 'minder is beter',
  higher: 'een hoger niveau is beter',
  yes: 'ja is beter',
} as const;

const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

const asCell = (v: MeasureValue | null): Cell => (v === null ? null : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : v);

/** The figure of a distribution in words: the median (with quartiles) or the share of yes. */
function figure(f: IndicatorFigures, d: Distribution): string {
  if (d.status === 'no_data') return NO_DATA;
  if (f.indicator.kind === 'yesno') return `${percent(d.shareYes)} ja`;
  return `mediaan ${valueText(d.median)} (kwartielen ${valueText(d.q1)} en ${valueText(d.q3)})`;
}

function figureCells(f: IndicatorFigures, d: Distribution): SafeHtml {
  if (f.indicator.kind === 'yesno') return html`<td>${d.status === 'no_data' ? NO_DATA : percent(d.shareYes)}</td>`;
  return html`<td>${valueText(d.median)}</td><td>${valueText(d.q1)}</td><td>${valueText(d.q3)}</td>`;
}

const figureHeads = (f: IndicatorFigures) => (f.indicator.kind === 'yesno' ? ['Aandeel ja'] : ['Mediaan', '1e kwartiel', '3e kwartiel']);

const distributionRow = (f: IndicatorFigures, d: Distribution, name: string) =>
  html`<tr><th scope="row">${name}</th><td>${d.services}</td><td>${d.reporting}</td><td>${d.forecasts}</td>${figureCells(f, d)}</tr>`;

/** The trend as a chart: the median and quartiles of a count, the share of yes, or the levels per quarter. */
function trendChart(f: IndicatorFigures): SafeHtml {
  const { indicator, trend } = f;
  const quarters = trend.map((t) => t.group);
  const label = `${indicator.label} per kwartaal: ${trend.map((t) => `${periodShort(t.group)} ${figure(f, t)}`).join('; ')}`;
  if (indicator.kind === 'level') {
    const levels = indicator.scale!;
    return html`${legend(levels.map((l, n) => ({ colour: colour(n), label: valueText(l) })))}
${stackedBars(
  label,
  trend.map((t) => ({ name: periodShort(t.group), parts: levels.map((l, n) => ({ value: t.levels?.[l] ?? 0, colour: colour(n) })) })),
)}`;
  }
  if (indicator.kind === 'yesno')
    return html`${legend([{ colour: colour(0), label: 'aandeel ja (%)' }])}
${quarterLineChart(label, quarters, [
  { colour: colour(0), values: trend.map((t) => (t.shareYes === null ? null : Math.round(t.shareYes * 1000) / 10)) },
])}`;
  const series = (['q1', 'median', 'q3'] as const).map((k, n) => ({
    colour: colour(n),
    values: trend.map((t) => (t[k] === null ? null : Number(t[k]))),
  }));
  return html`${legend([
    { colour: colour(0), label: '1e kwartiel' },
    { colour: colour(1), label: 'mediaan' },
    { colour: colour(2), label: '3e kwartiel' },
  ])}
${quarterLineChart(label, quarters, series)}`;
}

function indicatorPart(f: IndicatorFigures, period: { label: string }): SafeHtml {
  const { indicator, all, trend } = f;
  const id = `indicator-${indicator.id}`;
  const intro = html`<p>Meet de criteria ${indicator.criteria.join(', ')}; ${KIND_TEXT[indicator.better]}${indicator.goodLabel && html`; goed is: ${indicator.goodLabel}`}.</p>`;
  if (trend.every((t) => t.reporting === 0))
    return html`<h3 id="${id}">${indicator.label}</h3>
${intro}
<p>Nog geen enkele dienst gaf hiervoor een waarde.</p>`;
  const groupHead = ['Groep', 'Diensten', 'Met waarde', 'Waarvan verwachting', ...figureHeads(f)];
  const groupRows = [
    distributionRow(f, all, 'Alle diensten'),
    ...f.byPolicyDomain.map((d) => distributionRow(f, d, `Beleidsdomein: ${d.group}`)),
    ...f.byTargetGroup.map((d) => distributionRow(f, d, `Doelgroep: ${TARGET_GROUP_LABELS[d.group] ?? d.group}`)),
  ];
  const trendRows = trend.map((t) => distributionRow(f, t, periodShort(t.group)));
  const levelTable =
    indicator.kind === 'level' &&
    scrollTable(
      `${indicator.label}: diensten per niveau en kwartaal`,
      ['Kwartaal', ...indicator.scale!.map((l) => valueText(l))],
      trend.map(
        (t) =>
          html`<tr><th scope="row">${periodShort(t.group)}</th>${indicator.scale!.map((l) => html`<td>${t.levels?.[l] ?? 0}</td>`)}</tr>`,
      ),
    );
  const peerFigure = indicator.kind === 'yesno' ? 'Aandeel ja bij vergelijkbare' : 'Mediaan vergelijkbare';
  const furthest =
    f.furthest.length === 0
      ? html`<p>Geen enkele dienst blijft achter op vergelijkbare diensten.</p>`
      : scrollTable(
          `${indicator.label}: diensten die het verst achterblijven op vergelijkbare diensten, ${period.label}`,
          ['Organisatie', 'Dienst', 'Waarde', 'Vergelijkbare diensten', peerFigure],
          f.furthest.map(
            (l) =>
              html`<tr><th scope="row">${l.organisationName}</th><td class="text">${l.serviceName}</td><td>${valueText(l.value)}${l.forecast && ' (verwachting)'}</td><td>${l.peers}</td><td>${indicator.kind === 'yesno' ? percent(l.peerShareYes) : valueText(l.peerMedian)}</td></tr>`,
          ),
        );
  return html`<h3 id="${id}">${indicator.label}</h3>
${intro}
<p>${all.reporting} van ${all.services} diensten gaven een waarde (${percent(all.shareReporting)}), waarvan ${all.forecasts} een verwachting vóór de vernieuwing: ${figure(f, all)}.</p>
${trendChart(f)}
${scrollTable(`${indicator.label} per kwartaal, telkens op het einde van het kwartaal`, ['Kwartaal', 'Diensten', 'Met waarde', 'Waarvan verwachting', ...figureHeads(f)], trendRows)}
${levelTable}
${details(`${indicator.label} per beleidsdomein en per doelgroep`, scrollTable(`${indicator.label} per beleidsdomein en per doelgroep, ${period.label}`, groupHead, groupRows))}
<h4>Verst achter op vergelijkbare diensten</h4>
${furthest}`;
}

const distributionCells = (d: Distribution): Cell[] => [
  d.services,
  d.reporting,
  d.forecasts,
  d.shareReporting,
  d.status,
  asCell(d.median),
  asCell(d.q1),
  asCell(d.q3),
  d.shareYes,
];

export const operationalIndicatorsSection = defineSection({
  id: 'operationele-indicatoren',
  title: 'Operationele indicatoren: hoe doen de diensten het?',
  in: { committee: 74 },
  model: (selection): { operationalIndicators: OperationalFigures } => ({ operationalIndicators: operationalFigures(selection) }),
  json: (model) => model,
  html({ operationalIndicators: o }, { heading, period }) {
    return html`${heading}
<p>Per operationele indicator (catalogus ${o.indicatorCatalogVersion}): hoe de waarden over de diensten verdeeld zijn, per beleidsdomein en doelgroep, welke diensten het verst achterblijven op vergelijkbare diensten (zelfde doelgroep, en zelfde beleidsdomein waar er minstens vijf zijn; met minder dan drie vergelijkbare diensten met een waarde vergelijken we niet), en hoe het evolueerde over acht kwartalen. De waarde van een dienst komt uit zijn laatste toetsing na de vernieuwing, anders uit die ervoor (een verwachting). Een dienst zonder waarde telt niet mee in de mediaan.</p>
<ul>${o.indicators.map((f) => html`<li><a href="#indicator-${f.indicator.id}">${f.indicator.label}</a></li>`)}</ul>
${o.indicators.map((f) => indicatorPart(f, period))}
${csvLink(OPERATIONAL_CSV, 'de verdeling en het verloop')}
${csvLink(LEVELS_CSV, 'de niveaus per kwartaal')}
${csvLink(LAGGARDS_CSV, 'de diensten die achterblijven')}`;
  },
  csv: [
    {
      name: OPERATIONAL_CSV,
      header: [
        'periode',
        'indicator',
        'groepering',
        'groep',
        'stand_op',
        'diensten',
        'met_waarde',
        'waarvan_verwachting',
        'aandeel_met_waarde',
        'status',
        'mediaan',
        'eerste_kwartiel',
        'derde_kwartiel',
        'aandeel_ja',
      ],
      rows: ({ operationalIndicators: o }, { period }) =>
        o.indicators.flatMap((f) => [
          [period.id, f.indicator.id, 'alle', 'alle', period.end, ...distributionCells(f.all)],
          ...f.byPolicyDomain.map((d) => [period.id, f.indicator.id, 'beleidsdomein', d.group, period.end, ...distributionCells(d)]),
          ...f.byTargetGroup.map((d) => [period.id, f.indicator.id, 'doelgroep', d.group, period.end, ...distributionCells(d)]),
          ...f.trend.map((d, n) => [period.id, f.indicator.id, 'kwartaal', d.group, o.quarters[n]!.asOf, ...distributionCells(d)]),
        ]),
    },
    {
      name: LEVELS_CSV,
      header: ['periode', 'indicator', 'groepering', 'groep', 'stand_op', 'niveau', 'diensten'],
      rows: ({ operationalIndicators: o }, { period }) =>
        o.indicators
          .filter((f) => f.indicator.kind === 'level')
          .flatMap((f) =>
            [
              { kind: 'alle', d: f.all, asOf: period.end },
              ...f.trend.map((d, n) => ({ kind: 'kwartaal', d, asOf: o.quarters[n]!.asOf })),
            ].flatMap(({ kind, d, asOf }) =>
              f.indicator.scale!.map((l) => [period.id, f.indicator.id, kind, d.group, asOf, l, d.levels?.[l] ?? 0]),
            ),
          ),
    },
    {
      name: LAGGARDS_CSV,
      header: [
        'periode',
        'indicator',
        'organisatie_id',
        'organisatie',
        'dienst_id',
        'dienst',
        'waarde',
        'verwachting',
        'vergelijkbare_diensten',
        'mediaan_vergelijkbare',
        'aandeel_ja_vergelijkbare',
        'achterstand',
      ],
      rows: ({ operationalIndicators: o }, { period }) =>
        o.indicators.flatMap((f) =>
          f.furthest.map((l) => [
            period.id,
            f.indicator.id,
            l.organisationId,
            l.organisationName,
            l.serviceId,
            l.serviceName,
            asCell(l.value),
            l.forecast ? 'ja' : 'nee',
            l.peers,
            asCell(l.peerMedian),
            l.peerShareYes,
            l.lag,
          ]),
        ),
    },
  ],
});
