// The committee's decisions of the year (seed §3.2.2), a year's reports only:
// counted per kind in both reports, never a note (design §2.1: public files
// hold no free text); the committee's report lists each with its note.
import { csvLink } from '../components/csv-link.js';
import { kpiList } from '../components/kpi-list.js';
import { scrollTable } from '../components/table.js';
import { count } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { decisionCounts, decisionsInYear, decisionsListed, type DecisionCounts } from '../yearly.js';
import { defineSection } from './section.js';

export const YEAR_DECISIONS_CSV = 'beslissingen.csv';

const KIND = { accepted: 'uitleg aanvaard', derogation: 'afwijking toegestaan', action_required: 'actie gevraagd' } as const;
const PHASE = { pre: 'vóór', post: 'na' } as const;

const countsHtml = (c: DecisionCounts, year: number): SafeHtml =>
  html`<p>In ${year} nam het Stuurorgaan ${c.total === 1 ? '1 beslissing' : `${count(c.total)} beslissingen`} over toetsingen van ${c.services === 1 ? '1 dienst' : `${count(c.services)} diensten`}.</p>
${kpiList([
  { figure: count(c.accepted), text: 'keer aanvaardde het de uitleg waarom een criterium niet gehaald wordt' },
  { figure: count(c.derogation), text: 'keer stond het een afwijking toe tot een datum' },
  { figure: count(c.action_required), text: 'keer vroeg het de dienstverlener om actie' },
])}`;

export const yearDecisionsSection = defineSection({
  id: 'beslissingen',
  title: (page) => `Beslissingen van het Stuurorgaan in ${page.period.id}`,
  in: { public: 14, committee: 14 },
  model: (selection) => {
    const decisions = decisionsInYear(selection);
    return { yearDecisions: decisions === null ? null : { counts: decisionCounts(decisions) } };
  },
  applies: ({ yearDecisions }) => yearDecisions !== null,
  json: (model) => model,
  html: ({ yearDecisions }, { heading, period }) => html`${heading}
${countsHtml(yearDecisions!.counts, Number(period.id))}`,
});

export const yearDecisionListSection = defineSection({
  id: 'beslissingen-lijst',
  title: (page) => `Alle beslissingen van ${page.period.id}, met notities`,
  in: { committee: 15 },
  model: (selection) => {
    const decisions = decisionsInYear(selection);
    return { yearDecisionList: decisions === null ? null : decisionsListed(selection, decisions) };
  },
  applies: ({ yearDecisionList }) => yearDecisionList !== null,
  json: (model) => model,
  html: ({ yearDecisionList }, { heading, period }) => {
    const decisions = yearDecisionList!;
    const year = Number(period.id);
    return html`${heading}
${
  decisions.length === 0
    ? html`<p>Geen beslissingen in ${year}.</p>`
    : scrollTable(
        `Beslissingen van het Stuurorgaan in ${year}`,
        ['Organisatie / dienst', 'Datum', 'Toetsing', 'Beslissing', 'Criteria', 'Notitie'],
        decisions.map(
          (d) =>
            html`<tr><th scope="row">${d.organisationName} / ${d.serviceName}</th><td>${d.decidedOn}</td><td>${d.phase ? PHASE[d.phase] : '—'}</td><td class="text">${KIND[d.decision]}${d.until ? ` tot ${d.until}` : ''}</td><td class="text">${d.criteria.join(', ')}</td><td class="text">${d.note ?? ''}</td></tr>`,
        ),
      )
}
${csvLink(YEAR_DECISIONS_CSV, 'de beslissingen')}`;
  },
  csv: [
    {
      name: YEAR_DECISIONS_CSV,
      header: [
        'jaar',
        'datum',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'fase',
        'beslissing',
        'criteria',
        'tot',
        'notitie',
      ],
      rows: ({ yearDecisionList }, { period }) =>
        (yearDecisionList ?? []).map((d) => [
          period.id,
          d.decidedOn,
          d.organisationId,
          d.organisationName,
          d.serviceId,
          d.serviceName,
          d.phase,
          d.decision,
          d.criteria.join(' '),
          d.until,
          d.note,
        ]),
    },
  ],
});
