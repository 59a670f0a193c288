// Click, call or connect: the period's interactions per channel and the
// digital share, per e-loket and over all of them.
import type { EloketFigureJson, IndicatorOverview } from '../../indicators.js';
import { CHANNELS } from '../../service-counts.js';
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { count, NO_DATA, percent, toNumber } from '../format.js';
import { html } from '../html.js';
import { CHANNEL_COLOURS, CHANNEL_HEADS, CHANNEL_LABELS } from '../labels.js';
import { periodEloketten } from './eloketten.js';
import { defineSection } from './section.js';
import { COLUMNS } from '../columns.js';

export const CHANNELS_CSV = 'kanalen.csv';

type Figure = EloketFigureJson | IndicatorOverview['all'];
interface ChannelRow {
  id: string;
  name: string;
  figure: Figure;
}

const ALL: Pick<ChannelRow, 'id' | 'name'> = { id: 'alle', name: 'Alle e-loketten samen' };

export const channelSection = defineSection({
  id: 'kanalen',
  title: 'Digitaal, telefonisch of aan het loket?',
  in: { public: 50, committee: 110 },
  // The same figures as the e-loketten section publishes in report.json: this section only shows them another way.
  model: (selection): { eloketten: ChannelRow[]; all: ChannelRow } => ({
    eloketten: selection.shared(periodEloketten),
    all: { ...ALL, figure: selection.counts.all },
  }),
  html({ eloketten, all }, { heading, period }) {
    const chart = stackedBars(
      `Interacties per kanaal, ${period.label}: ${eloketten.map(({ name, figure }) => (figure.status === 'no_data' ? `${name}: ${NO_DATA}` : `${name}: digitaal aandeel ${percent(figure.digitalShare)}`)).join('; ')}`,
      eloketten.map(({ name, figure }) => ({
        name,
        parts: figure.status === 'no_data' ? [] : CHANNELS.map((c) => ({ value: toNumber(figure.volumes[c]), colour: CHANNEL_COLOURS[c] })),
      })),
    );
    const tableRows = [...eloketten, all].map(({ name, figure }) =>
      figure.status === 'no_data'
        ? html`<tr><th scope="row">${name}</th><td colspan="${CHANNELS.length + 3}" class="text">${NO_DATA}</td></tr>`
        : html`<tr><th scope="row">${name}</th>${CHANNELS.map((c) => html`<td>${count(figure.volumes[c])}</td>`)}<td>${count(figure.volumes.total)}</td><td>${figure.volumes.rowsWithData} van ${figure.volumes.rows}</td><td>${percent(figure.digitalShare)}</td></tr>`,
    );
    return html`${heading}
<p>De strategie vraagt om gebruikers eerst online te helpen (click), dan via telefoon of e-mail (call), en pas als dat niet lukt persoonlijk (connect). Het digitale aandeel is het aantal online interacties gedeeld door alle interacties, over de rijen die cijfers per kanaal bevatten. Een e-loket meldt één rij per organisatie en doelgroep; wie elke maand meldt, telt dus elke maand zo’n rij. De kolom ‘Rijen met cijfers’ zegt hoeveel van die rijen cijfers per kanaal bevatten.</p>
${legend(CHANNELS.map((c) => ({ colour: CHANNEL_COLOURS[c], label: CHANNEL_LABELS[c] })))}
${chart}
${scrollTable(`Interacties per kanaal, ${period.label}`, ['E-loket', ...CHANNELS.map((c) => CHANNEL_HEADS[c]), 'Totaal', 'Rijen met cijfers', 'Digitaal aandeel'], tableRows)}
${csvLink(CHANNELS_CSV, 'deze tabel')}`;
  },
  csv: [
    {
      name: CHANNELS_CSV,
      metadata: {
        title: 'Interacties per kanaal en digitaal aandeel',
        description:
          'Per e-loket en over alle e-loketten samen: de interacties van de periode per kanaal (click, call, connect, andere) en het digitale aandeel. Een kanaal zonder gegevens is leeg, niet 0.',
        columns: {
          periode: COLUMNS.period,
          e_loket: { ...COLUMNS.eloket, description: `${COLUMNS.eloket.description} "alle": alle e-loketten samen.` },
          status: COLUMNS.figureStatus,
          click: { ...COLUMNS.interactions, description: 'Interacties online (click).', empty: 'geen gegevens voor dit kanaal' },
          call: {
            ...COLUMNS.interactions,
            description: 'Interacties via telefoon, e-mail of chat met een persoon (call).',
            empty: 'geen gegevens voor dit kanaal',
          },
          connect: { ...COLUMNS.interactions, description: 'Interacties aan het loket (connect).', empty: 'geen gegevens voor dit kanaal' },
          other: {
            ...COLUMNS.interactions,
            description: 'Interacties via post en andere kanalen.',
            empty: 'geen gegevens voor dit kanaal',
          },
          totaal: { ...COLUMNS.interactions, description: 'Alle interacties samen, over de kanalen met gegevens.', empty: 'geen gegevens' },
          rijen: {
            description: 'Aantal gemelde rijen (organisatie en doelgroep).',
            datatype: 'integer',
            minimum: 0,
            unit: 'rijen',
            empty: 'geen gegevens',
          },
          rijen_met_gegevens: {
            description: 'Aantal rijen met cijfers voor minstens één kanaal.',
            datatype: 'integer',
            minimum: 0,
            unit: 'rijen',
            empty: 'geen gegevens',
          },
          digitaal_aandeel: {
            description: 'Σ click ÷ Σ alle kanalen, over de rijen samen (een verhouding van sommen).',
            datatype: 'double',
            minimum: 0,
            maximum: 1,
            unit: 'aandeel (0 tot 1)',
            empty: 'geen gegevens over online interacties',
          },
        },
      },
      header: [
        'periode',
        'e_loket',
        'status',
        'click',
        'call',
        'connect',
        'other',
        'totaal',
        'rijen',
        'rijen_met_gegevens',
        'digitaal_aandeel',
      ],
      rows: ({ eloketten, all }, { period }) =>
        [...eloketten, all].map(({ id, figure }) =>
          figure.status === 'no_data'
            ? [period.id, id, 'no_data', null, null, null, null, null, null, null, null]
            : [
                period.id,
                id,
                figure.status,
                figure.volumes.click,
                figure.volumes.call,
                figure.volumes.connect,
                figure.volumes.other,
                figure.volumes.total,
                figure.volumes.rows,
                figure.volumes.rowsWithData,
                figure.digitalShare,
              ],
        ),
    },
  ],
});
