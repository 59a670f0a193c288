// How many services the e-loketten offer: the main e-loketten over eight
// quarters, and each e-loket per target group in the period.
import type { Exact } from '../../exact.js';
import { buildEloketFigures, type EloketFigureJson } from '../../indicators.js';
import { periodContaining, shiftPeriod, type Period } from '../../periods.js';
import { figureFor } from '../../service-counts.js';
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { quarterLineChart } from '../components/quarter-line-chart.js';
import { scrollTable } from '../components/table.js';
import { count, NO_DATA } from '../format.js';
import { html } from '../html.js';
import { periodShort, SERIES_COLOURS, TARGET_GROUP_LABELS } from '../labels.js';
import type { EloketInput, PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';
import { COLUMNS, targetGroupColumn } from '../columns.js';

export const EVOLUTION_CSV = 'e-loketten.csv';

export interface EvolutionPoint {
  quarter: string;
  status: EloketFigureJson['status'];
  servicesOffered: Exact | null;
  byTargetGroup: Partial<Record<string, Exact>>;
}

export interface Evolution {
  quarters: string[];
  eloketten: Array<{ id: string; name: string; points: EvolutionPoint[] }>;
}

export type PeriodEloket = { id: string; name: string; main: boolean; figure: EloketFigureJson };

/** Each e-loket's figure for the period: every main e-loket, and the thematic ones that reported (also in the channels). */
export const periodEloketten = (selection: PeriodSelection): PeriodEloket[] =>
  selection.eloketten
    .map((e) => ({ id: e.id, name: e.name, main: e.main, figure: selection.counts.eloketten[e.id]! }))
    .filter((e) => e.main || e.figure.status !== 'no_data');

function evolution(period: Period, eloketten: readonly EloketInput[]): Evolution {
  const lastQuarter = periodContaining(period.end, 'quarter');
  const quarters = [-7, -6, -5, -4, -3, -2, -1, 0].map((n) => shiftPeriod(lastQuarter, n));
  return {
    quarters,
    eloketten: eloketten
      .filter((e) => e.main)
      .map((e) => ({
        id: e.id,
        name: e.name,
        points: quarters.map((quarter) => {
          const f = figureFor(quarter, e.reported);
          if (f.status === 'no_data') return { quarter, status: 'no_data' as const, servicesOffered: null, byTargetGroup: {} };
          const json = buildEloketFigures(quarter, [e]).eloketten[e.id]!;
          return json.status === 'no_data'
            ? { quarter, status: 'no_data' as const, servicesOffered: null, byTargetGroup: {} }
            : { quarter, status: json.status, servicesOffered: json.servicesOffered, byTargetGroup: json.byTargetGroup };
        }),
      })),
  };
}

const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

export const eloketSection = defineSection({
  id: 'e-loketten',
  title: 'Hoeveel diensten bieden de e-loketten aan?',
  in: { public: 40, committee: 100 },
  model: (selection) => ({
    eloketten: selection.shared(periodEloketten),
    all: selection.counts.all,
    evolution: evolution(selection.period, selection.eloketten),
  }),
  json: (model) => model,
  html({ eloketten: shown, evolution: { quarters, eloketten } }, { heading, period }) {
    const summary = eloketten
      .map((el) => `${el.name}: ${el.points.map((p) => `${periodShort(p.quarter)} ${count(p.servicesOffered)}`).join(', ')}`)
      .join('; ');
    const chart = quarterLineChart(
      `Aangeboden diensten per e-loket over acht kwartalen: ${summary}`,
      quarters,
      eloketten.map((el, i) => ({ colour: seriesColour(i), values: el.points.map((p) => p.servicesOffered) })),
    );
    const evoRows = eloketten.map(
      (el) => html`<tr><th scope="row">${el.name}</th>${el.points.map((p) => html`<td>${count(p.servicesOffered)}</td>`)}</tr>`,
    );
    const periodRows = shown.flatMap(({ name, figure }) =>
      figure.status === 'no_data'
        ? [html`<tr><th scope="row">${name}</th><td class="text">alle</td><td>${NO_DATA}</td><td>${NO_DATA}</td></tr>`]
        : [
            ...Object.entries(figure.byTargetGroup).map(
              ([g, n]) =>
                html`<tr><th scope="row">${name}</th><td class="text">${TARGET_GROUP_LABELS[g] ?? g}</td><td>${count(n)}</td><td></td></tr>`,
            ),
            html`<tr><th scope="row">${name}</th><td class="text"><strong>totaal</strong></td><td><strong>${count(figure.servicesOffered)}</strong></td><td>${count(figure.providers)}</td></tr>`,
          ],
    );
    return html`${heading}
<p>De vier hoofd-e-loketten (één per doelgroep) melden hoeveel digitale diensten de overheden via hen aanbieden. Een kwartaal dat in maanden gemeld is, telt met de laatste gemelde maand.</p>
${legend(eloketten.map((el, i) => ({ colour: seriesColour(i), label: el.name })))}
${chart}
${scrollTable(`Aangeboden diensten per e-loket, ${periodShort(quarters[0]!)} tot ${periodShort(quarters.at(-1)!)}`, ['E-loket', ...quarters.map(periodShort)], evoRows)}
${csvLink(EVOLUTION_CSV, 'deze tabel')}
<h3>Per doelgroep, ${period.label}</h3>
${scrollTable(`Aangeboden diensten per e-loket en doelgroep, ${period.label}`, ['E-loket', 'Doelgroep', 'Diensten', 'Dienstverleners'], periodRows)}`;
  },
  csv: [
    {
      name: EVOLUTION_CSV,
      metadata: {
        title: 'Aangeboden diensten per hoofd-e-loket, acht kwartalen',
        description:
          'Per hoofd-e-loket en kwartaal: hoeveel digitale diensten de overheden via het e-loket aanbieden, in totaal en per doelgroep. Een kwartaal dat in maanden gemeld is, telt met de laatste gemelde maand (een voorraad, geen som).',
        columns: {
          kwartaal: COLUMNS.quarter,
          e_loket: COLUMNS.eloket,
          status: COLUMNS.figureStatus,
          aangeboden_diensten: { ...COLUMNS.services, empty: 'geen gegevens' },
          burgers: targetGroupColumn('burgers'),
          ondernemers: targetGroupColumn('ondernemers'),
          verenigingen: targetGroupColumn('verenigingen'),
          lokale_besturen: targetGroupColumn('lokale-besturen'),
        },
      },
      header: ['kwartaal', 'e_loket', 'status', 'aangeboden_diensten', 'burgers', 'ondernemers', 'verenigingen', 'lokale_besturen'],
      rows: ({ evolution }) =>
        evolution.eloketten.flatMap((e) =>
          e.points.map((p) => [
            p.quarter,
            e.id,
            p.status,
            p.servicesOffered,
            p.byTargetGroup.burgers ?? null,
            p.byTargetGroup.ondernemers ?? null,
            p.byTargetGroup.verenigingen ?? null,
            p.byTargetGroup['lokale-besturen'] ?? null,
          ]),
        ),
    },
  ],
});
