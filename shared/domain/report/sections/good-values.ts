// Public: per operational indicator, how many services meet a good value
// ("notificaties aanwezig", "taalniveau B1 of eenvoudiger", "WCAG AA of
// beter"), results and forecasts apart, and how that evolved over eight
// quarters. Only counts: no service is named, so no weak service is either.
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { NO_DATA, percent } from '../format.js';
import { html } from '../html.js';
import { goodValueFigures, type GoodCount } from '../indicator-figures.js';
import { COLUMNS } from '../columns.js';
import { BAND_COLOURS, periodShort } from '../labels.js';
import { parsePeriod } from '../../periods.js';
import { defineSection } from './section.js';

export const GOOD_VALUES_CSV = 'goede-waarden.csv';

const MEETS = { colour: BAND_COLOURS.good, label: 'haalt de goede waarde' };
const MISSES = { colour: BAND_COLOURS['n/a'], label: 'haalt ze niet' };

const ofCount = (c: GoodCount) => (c.reporting === 0 ? NO_DATA : `${c.meeting} van ${c.reporting}`);

export const goodValuesSection = defineSection({
  id: 'goede-waarden',
  title: 'Hoeveel diensten halen een goede waarde?',
  in: { public: 36, committee: 72 },
  model: (selection) => ({ goodValues: selection.shared(goodValueFigures) }),
  json: (model) => model,
  html({ goodValues: { indicators, quarters, withoutGoodValue } }, { heading, period }) {
    if (indicators.every((i) => i.results.reporting + i.forecasts.reporting === 0))
      return html`${heading}<p>Voor ${period.label} meldde nog geen enkele dienst meetbare kenmerken, zoals notificaties of het taalniveau. Er zijn dus geen gegevens om te tonen.</p>
${csvLink(GOOD_VALUES_CSV, 'de (lege) tabel')}`;
    const summary = indicators
      .map(
        (i) =>
          `${i.indicator.goodLabel}: ${i.results.reporting === 0 ? NO_DATA : `${i.results.meeting} van ${i.results.reporting} diensten`}`,
      )
      .join('; ');
    const chart = stackedBars(
      `Vernieuwde diensten met een goede waarde per kenmerk, ${period.label}: ${summary}`,
      indicators.map((i) => ({
        name: i.indicator.goodLabel!,
        parts: [
          { value: i.results.meeting, colour: MEETS.colour },
          { value: i.results.reporting - i.results.meeting, colour: MISSES.colour },
        ],
      })),
    );
    const rows = indicators.map(
      (i) =>
        html`<tr><th scope="row">${i.indicator.goodLabel}</th><td>${ofCount(i.results)}</td><td>${percent(i.results.share)}</td><td>${ofCount(i.forecasts)}</td><td>${percent(i.forecasts.share)}</td></tr>`,
    );
    const trendRows = indicators.map(
      (i) => html`<tr><th scope="row">${i.indicator.goodLabel}</th>${i.trend.map((t) => html`<td>${ofCount(t)}</td>`)}</tr>`,
    );
    const first = quarters[0]!.quarter;
    const last = quarters.at(-1)!.quarter;
    // A month's or a quarter's report that ends before its quarter does: the last quarter only up to the period's end.
    const partial = parsePeriod(last)!.end !== quarters.at(-1)!.asOf && quarters.at(-1)!.asOf;
    return html`${heading}
<p>Diensten melden bij hun toetsing meetbare kenmerken: zijn er notificaties, hoe eenvoudig is de taal, is de dienst toegankelijk? Hier ziet u per kenmerk hoeveel diensten een goede waarde halen (${period.label}). We tellen alleen diensten die het kenmerk meldden. Resultaten na de vernieuwing en verwachtingen vóór de vernieuwing staan apart.</p>
${legend([MEETS, MISSES])}
${chart}
${scrollTable(
  `Diensten met een goede waarde per kenmerk, ${period.label}`,
  ['Goede waarde', 'Resultaat: diensten', 'Resultaat: aandeel', 'Verwachting: diensten', 'Verwachting: aandeel'],
  rows,
)}
<h3>Over acht kwartalen</h3>
<p>Vernieuwde diensten met een goede waarde, telkens op het einde van het kwartaal${partial && html` (${periodShort(last)}: tot en met ${partial})`}.</p>
${scrollTable(`Vernieuwde diensten met een goede waarde, ${periodShort(first)} tot ${periodShort(last)}`, ['Goede waarde', ...quarters.map((q) => periodShort(q.quarter))], trendRows)}
${withoutGoodValue.length > 0 && html`<p class="note">Zonder vastgelegde goede waarde, en dus niet in deze tabellen: ${withoutGoodValue.join(', ')}.</p>`}
${csvLink(GOOD_VALUES_CSV, 'deze tabellen')}`;
  },
  csv: [
    {
      name: GOOD_VALUES_CSV,
      metadata: {
        title: 'Diensten met een goede waarde per operationeel kenmerk',
        description:
          'Per kenmerk (operationele indicator, acties 13 en 16) hoeveel diensten een goede waarde halen: voor de periode de resultaten (na de vernieuwing) en de verwachtingen (vóór de vernieuwing) apart, en per kwartaal van de laatste acht de resultaten. Alleen diensten die het kenmerk meldden, tellen mee; geen dienst wordt genoemd.',
        columns: {
          periode: COLUMNS.period,
          groepering: {
            description: 'periode: de rij geldt voor de periode van het rapport; kwartaal: voor één kwartaal van de evolutie.',
            datatype: 'string',
            values: ['periode', 'kwartaal'],
          },
          groep: { description: 'De periode of het kwartaal waarvoor de rij geldt.', datatype: 'string', format: COLUMNS.period.format },
          stand_op: {
            description: 'De dag waarop de cijfers genomen zijn (JJJJ-MM-DD): het einde van de periode of het kwartaal.',
            datatype: 'date',
          },
          indicator: {
            description: 'Het id van het kenmerk in de catalogus van operationele indicatoren (GET /v1/indicator-catalog).',
            datatype: 'string',
          },
          soort: {
            description: 'resultaat: toetsing na de vernieuwing (post); verwachting: alleen een toetsing vóór de vernieuwing (pre).',
            datatype: 'string',
            values: ['resultaat', 'verwachting'],
          },
          goede_waarde: { description: 'Wat als goede waarde telt, in woorden.', datatype: 'string' },
          voldoet: { description: 'Aantal diensten met een goede waarde.', datatype: 'integer', minimum: 0, unit: 'diensten' },
          met_waarde: { description: 'Aantal diensten die het kenmerk meldden.', datatype: 'integer', minimum: 0, unit: 'diensten' },
          aandeel: {
            description: 'voldoet ÷ met_waarde.',
            datatype: 'double',
            minimum: 0,
            maximum: 1,
            unit: 'aandeel (0 tot 1)',
            empty: 'geen enkele dienst meldde het kenmerk',
          },
        },
      },
      header: ['periode', 'groepering', 'groep', 'stand_op', 'indicator', 'soort', 'goede_waarde', 'voldoet', 'met_waarde', 'aandeel'],
      rows: ({ goodValues }, { period }) =>
        goodValues.indicators.flatMap((i) => [
          ...(
            [
              ['resultaat', i.results],
              ['verwachting', i.forecasts],
            ] as const
          ).map(([kind, c]) => [
            period.id,
            'periode',
            period.id,
            period.end,
            i.indicator.id,
            kind,
            i.indicator.goodLabel,
            c.meeting,
            c.reporting,
            c.share,
          ]),
          ...i.trend.map((t, n) => [
            period.id,
            'kwartaal',
            t.quarter,
            goodValues.quarters[n]!.asOf,
            i.indicator.id,
            'resultaat',
            i.indicator.goodLabel,
            t.meeting,
            t.reporting,
            t.share,
          ]),
        ]),
    },
  ],
});
