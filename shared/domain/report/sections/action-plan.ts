// The progress of the strategy's action plan (seed §5) and its support tools
// (§4.2–4.7), a year's reports only: each status at the year's end beside
// the one at its start, with the changes the committee recorded in the year.
// The committee's notes are free text: a section of their own, in its report
// only.
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { count } from '../format.js';
import { html, join, type SafeHtml } from '../html.js';
import { statusNotesOfYear, strategyProgress, type ProgressItem } from '../yearly.js';
import { ACTION_STATUSES } from '../../strategy/actions.js';
import { SUPPORT_TOOL_STATUSES } from '../../strategy/support-tools.js';
import { COLUMNS } from '../columns.js';
import { defineSection } from './section.js';

export const ACTIONS_CSV = 'acties.csv';
export const SUPPORT_TOOLS_CSV = 'hulpmiddelen.csv';
export const STATUS_NOTES_CSV = 'actieplan-notities.csv';

const changesText = <S extends string>(item: ProgressItem<S>): SafeHtml =>
  item.changes.length === 0
    ? html`geen`
    : join(
        item.changes.map((c) => html`${c.recordedOn}: ${c.from} → ${c.to}`),
        html`<br>`,
      );

const statusCounts = (atEnd: Record<string, number>, atStart: Record<string, number>) =>
  Object.entries(atEnd)
    .map(([status, n]) => `${status}: ${count(n)} (begin van het jaar: ${count(atStart[status] ?? 0)})`)
    .join('; ');

const progressCells = <S extends string>(item: ProgressItem<S>) => [
  item.atStart,
  item.atEnd,
  item.since,
  item.changes.map((c) => `${c.recordedOn} ${c.from} -> ${c.to}`).join(' | '),
];

export const actionPlanSection = defineSection({
  id: 'actieplan',
  title: (page) => `Voortgang van het actieplan in ${page.period.id}`,
  in: { public: 16, committee: 16 },
  model: (selection) => ({ actionPlan: strategyProgress(selection) }),
  applies: ({ actionPlan }) => actionPlan !== null,
  json: (model) => model,
  html: ({ actionPlan }, { heading, period }) => {
    const p = actionPlan!;
    const year = Number(period.id);
    return html`${heading}
<p>De strategie zet 21 acties uit en steunt op hulpmiddelen voor de dienstverleners; het Stuurorgaan volgt hun voortgang op. Stand op 31 december ${year}, met de wijzigingen van ${year}.</p>
<p>Acties: ${statusCounts(p.counts.actions.atEnd, p.counts.actions.atStart)}.</p>
${scrollTable(
  `De 21 acties van de strategie, stand eind ${year}`,
  ['Actie', 'Trekker', `Status begin ${year}`, `Status eind ${year}`, `Wijzigingen in ${year}`],
  p.actions.map(
    (a) =>
      html`<tr><th scope="row">${a.id}. ${a.title}</th><td class="text">${a.owner}</td><td class="text">${a.atStart}</td><td class="text">${a.atEnd}</td><td class="text">${changesText(a)}</td></tr>`,
  ),
)}
${csvLink(ACTIONS_CSV, 'de acties')}
<p>Hulpmiddelen: ${statusCounts(p.counts.supportTools.atEnd, p.counts.supportTools.atStart)}.</p>
${scrollTable(
  `Hulpmiddelen, stand eind ${year}`,
  ['Hulpmiddel', 'Soort', `Status begin ${year}`, `Status eind ${year}`, `Wijzigingen in ${year}`],
  p.supportTools.map(
    (t) =>
      html`<tr><th scope="row">${t.title}</th><td class="text">${t.group}</td><td class="text">${t.atStart}</td><td class="text">${t.atEnd}</td><td class="text">${changesText(t)}</td></tr>`,
  ),
)}
${csvLink(SUPPORT_TOOLS_CSV, 'de hulpmiddelen')}`;
  },
  csv: [
    {
      name: ACTIONS_CSV,
      metadata: {
        title: 'Voortgang van de acties van het actieplan',
        description:
          'Eén rij per actie van het actieplan van de strategie (21 acties): de status aan het begin en het einde van het jaar en de wijzigingen.',
        columns: {
          jaar: { ...COLUMNS.period, description: 'Het jaar van het jaarrapport.', format: '^\\d{4}$' },
          actie: { description: 'Het nummer van de actie (1 tot 21).', datatype: 'string', format: '^\\d{1,2}$' },
          titel: { description: 'De titel van de actie, uit de strategie.', datatype: 'string' },
          onderdeel: { description: 'Het onderdeel van het actieplan.', datatype: 'string' },
          trekker: { description: 'Wie de actie trekt.', datatype: 'string' },
          timing: { description: 'De timing uit de strategie.', datatype: 'string' },
          status_begin: {
            description: 'De status aan het begin van het jaar (het einde van het jaar ervoor).',
            datatype: 'string',
            values: ACTION_STATUSES,
          },
          status_eind: { description: 'De status aan het einde van het jaar.', datatype: 'string', values: ACTION_STATUSES },
          sinds: {
            ...COLUMNS.date,
            description: 'De dag waarop de status van het einde van het jaar werd vastgelegd.',
            empty: 'de status die de strategie gaf',
          },
          wijzigingen: {
            description: 'De wijzigingen in het jaar, elk als "JJJJ-MM-DD oud -> nieuw", gescheiden door " | ".',
            datatype: 'string',
            empty: 'geen wijzigingen',
          },
        },
      },
      header: ['jaar', 'actie', 'titel', 'onderdeel', 'trekker', 'timing', 'status_begin', 'status_eind', 'sinds', 'wijzigingen'],
      rows: ({ actionPlan }, { period }) =>
        (actionPlan?.actions ?? []).map((a) => [period.id, a.id, a.title, a.group, a.owner, a.timing, ...progressCells(a)]),
    },
    {
      name: SUPPORT_TOOLS_CSV,
      metadata: {
        title: 'Voortgang van de hulpmiddelen',
        description: 'Eén rij per hulpmiddel van de strategie: de status aan het begin en het einde van het jaar en de wijzigingen.',
        columns: {
          jaar: { ...COLUMNS.period, description: 'Het jaar van het jaarrapport.', format: '^\\d{4}$' },
          hulpmiddel: { description: 'Het hulpmiddel: een id.', datatype: 'string' },
          naam: { description: 'De naam van het hulpmiddel.', datatype: 'string' },
          soort: { description: 'De soort hulpmiddel (het onderdeel van de strategie).', datatype: 'string' },
          status_begin: {
            description: 'De status aan het begin van het jaar (het einde van het jaar ervoor).',
            datatype: 'string',
            values: SUPPORT_TOOL_STATUSES,
          },
          status_eind: { description: 'De status aan het einde van het jaar.', datatype: 'string', values: SUPPORT_TOOL_STATUSES },
          sinds: {
            ...COLUMNS.date,
            description: 'De dag waarop de status van het einde van het jaar werd vastgelegd.',
            empty: 'de status die de strategie gaf',
          },
          wijzigingen: {
            description: 'De wijzigingen in het jaar, elk als "JJJJ-MM-DD oud -> nieuw", gescheiden door " | ".',
            datatype: 'string',
            empty: 'geen wijzigingen',
          },
        },
      },
      header: ['jaar', 'hulpmiddel', 'naam', 'soort', 'status_begin', 'status_eind', 'sinds', 'wijzigingen'],
      rows: ({ actionPlan }, { period }) =>
        (actionPlan?.supportTools ?? []).map((t) => [period.id, t.id, t.title, t.group, ...progressCells(t)]),
    },
  ],
});

export const statusNotesSection = defineSection({
  id: 'actieplan-notities',
  title: (page) => `Notities bij de voortgang van het actieplan in ${page.period.id}`,
  in: { committee: 17 },
  model: (selection) => ({ statusNotes: statusNotesOfYear(selection) }),
  applies: ({ statusNotes }) => statusNotes !== null,
  json: (model) => model,
  html: ({ statusNotes }, { heading, period }) => html`${heading}
${
  statusNotes!.length === 0
    ? html`<p>Geen notities in ${period.id}.</p>`
    : scrollTable(
        `Notities van het Stuurorgaan bij de voortgang, ${period.id}`,
        ['Actie of hulpmiddel', 'Datum', 'Status', 'Notitie'],
        statusNotes!.map(
          (n) =>
            html`<tr><th scope="row">${n.subject}</th><td>${n.recordedOn}</td><td class="text">${n.status}</td><td class="text">${n.note}</td></tr>`,
        ),
      )
}
${csvLink(STATUS_NOTES_CSV, 'de notities')}`,
  csv: [
    {
      name: STATUS_NOTES_CSV,
      header: ['jaar', 'datum', 'onderwerp', 'status', 'notitie'],
      rows: ({ statusNotes }, { period }) => (statusNotes ?? []).map((n) => [period.id, n.recordedOn, n.subject, n.status, n.note]),
    },
  ],
});
