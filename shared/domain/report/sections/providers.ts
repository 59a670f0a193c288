// The yearly report per provider (seed §3.2, design §5), a year's reports
// only: its plan (new and reworked services) and whether their assessments
// came in, what its services owe (the one owed rule), the feedback its users
// gave and its maturity scan (current level against ambition per theme).
// Names, dates and figures only; the committee's report links each provider
// to its users' comments.
import type { FeedbackFigure } from '../../feedback/figures.js';
import { csvLink } from '../components/csv-link.js';
import { details } from '../components/details.js';
import { scrollTable } from '../components/table.js';
import { count, NO_DATA, percent } from '../format.js';
import { html, join, type SafeHtml } from '../html.js';
import { providersOfYear, type ProviderOfYear } from '../yearly.js';
import { commentsAnchor } from '../comments.js';
import { MATURITY_LEVELS } from '../../strategy/maturity.js';
import { COLUMNS } from '../columns.js';
import { defineSection } from './section.js';

export const PROVIDERS_CSV = 'dienstverleners.csv';
export const PLANS_CSV = 'jaarplannen.csv';
export const MATURITY_CSV = 'maturiteit.csv';

const KIND = { new: 'nieuw', rework: 'vernieuwing' } as const;
const OWES = { pre: 'toetsing vóór', post: 'toetsing na' } as const;
const LEVEL = {
  initiatie: '1 initiatie',
  basis: '2 basis',
  ontwikkeling: '3 ontwikkeling',
  integratie: '4 integratie',
  transformatie: '5 transformatie',
} as const;

const satisfaction = (f: FeedbackFigure) => (f.status === 'enough' ? percent(f.satisfaction) : f.status === 'too_few' ? f.label : NO_DATA);
/** No response is no data, never shown as 0. */
const responses = (f: FeedbackFigure) => (f.status === 'no_data' ? null : f.responses);

const planSummary = (p: ProviderOfYear) =>
  p.plan === null
    ? 'geen jaarplan'
    : `${count(p.plan.filter((s) => s.kind === 'new').length)} nieuw, ${count(p.plan.filter((s) => s.kind === 'rework').length)} vernieuwing`;

function providerBlock(p: ProviderOfYear, year: number, committee: boolean): SafeHtml {
  const plan =
    p.plan === null
      ? html`<p>${p.organisationName} stuurde geen jaarplan voor ${year}.</p>`
      : p.plan.length === 0
        ? html`<p>Het jaarplan voor ${year} vermeldt geen nieuwe of te vernieuwen diensten.</p>`
        : scrollTable(
            `Jaarplan ${year} van ${p.organisationName}`,
            ['Dienst', 'Soort', 'Start', 'In gebruik', 'Toetsing vóór', 'Toetsing na', 'Verschuldigd'],
            p.plan.map(
              (s) =>
                html`<tr><th scope="row">${s.name}</th><td>${KIND[s.kind]}</td><td>${s.startsOn}</td><td>${s.goLiveOn ?? 'onbekend'}</td><td>${s.pre ?? 'nog niet'}</td><td>${s.post ?? 'nog niet'}</td><td class="text">${
                  s.owes.length === 0
                    ? s.significance === true
                      ? 'niets'
                      : 'niets (niet significant)'
                    : join(
                        s.owes.map((o) => `${OWES[o.phase]} sinds ${o.since}`),
                        html`<br>`,
                      )
                }</td></tr>`,
            ),
          );
  const owingElsewhere = p.owing.filter((o) => !p.plan?.some((s) => s.serviceId === o.serviceId));
  const feedback =
    p.feedback.services.length === 0
      ? html`<p>Geen reacties van gebruikers in ${year}.</p>`
      : scrollTable(
          `Reacties van gebruikers in ${year}, diensten van ${p.organisationName}`,
          ['Dienst', 'Reacties', 'Tevreden (4 of 5)'],
          [
            ...p.feedback.services.map(
              (s) =>
                html`<tr><th scope="row">${s.name}</th><td>${count(responses(s.feedback))}</td><td>${satisfaction(s.feedback)}</td></tr>`,
            ),
            html`<tr><th scope="row"><strong>alle diensten samen</strong></th><td>${count(responses(p.feedback.all))}</td><td>${satisfaction(p.feedback.all)}</td></tr>`,
          ],
        );
  const maturity =
    p.maturity === null
      ? html`<p>Geen maturiteitsscan voor ${year}.</p>`
      : scrollTable(
          `Maturiteitsscan ${year} van ${p.organisationName}: huidig niveau en ambitie per thema`,
          ['Thema', 'Huidig niveau', 'Ambitie', 'Stappen te gaan'],
          p.maturity.themes.map(
            (t) =>
              html`<tr><th scope="row">${t.name}</th><td>${LEVEL[t.current]}</td><td>${LEVEL[t.ambition]}</td><td>${count(t.steps)}</td></tr>`,
          ),
        );
  return details(
    `${p.organisationName}: ${planSummary(p)}`,
    html`<h3>${p.organisationName}</h3>
<p>Jaarplan voor ${year}:</p>
${plan}
${
  owingElsewhere.length > 0
    ? html`<p>Andere diensten die op het einde van ${year} een toetsing verschuldigd zijn:</p><ul>${owingElsewhere.map((o) => html`<li>${o.name}: ${OWES[o.owes]} sinds ${o.since}</li>`)}</ul>`
    : ''
}
${feedback}
${committee && p.comments > 0 ? html`<p><a href="#${commentsAnchor(p.organisationId)}">${p.comments === 1 ? '1 opmerking' : `${count(p.comments)} opmerkingen`} van gebruikers</a></p>` : ''}
${maturity}`,
  );
}

export const providersSection = defineSection({
  id: 'dienstverleners',
  title: (page) => `Jaarrapport per dienstverlener, ${page.period.label}`,
  in: { public: 12, committee: 12 },
  // Only a year's reports hold the yearly report: for a quarter or a month the model says so with null.
  model: (selection) => ({ providers: providersOfYear(selection) }),
  applies: ({ providers }) => providers !== null,
  json: (model) => model,
  html: ({ providers }, { heading, period, audience }) => {
    const list = providers ?? [];
    const year = Number(period.id);
    return html`${heading}
<p>Elke dienstverlener meldt jaarlijks welke digitale diensten hij nieuw bouwt of grondig vernieuwt (het jaarplan). Hier staat per dienstverlener zijn jaarplan voor ${year}, of de toetsingen van die diensten binnen zijn en welke nog verschuldigd zijn op 31 december, hoe tevreden de gebruikers waren en hoe hij zijn eigen maturiteit inschat.</p>
${
  list.length === 0
    ? html`<p>Geen dienstverleners met gegevens over ${year}.</p>`
    : scrollTable(
        `Dienstverleners in ${year}`,
        [
          'Dienstverlener',
          'Jaarplan',
          `Diensten getoetst in ${year}`,
          'Verschuldigde toetsingen',
          'Reacties',
          'Tevreden (4 of 5)',
          'Maturiteitsscan',
        ],
        list.map(
          (p) =>
            html`<tr><th scope="row">${p.organisationName}</th><td class="text">${planSummary(p)}</td><td>${count(p.assessedInYear)}</td><td>${count(p.owing.length)}</td><td>${count(responses(p.feedback.all))}</td><td>${satisfaction(p.feedback.all)}</td><td>${p.maturity ? 'ja' : 'nee'}</td></tr>`,
        ),
      )
}
${csvLink(PROVIDERS_CSV, 'deze tabel')}
${join(
  list.map((p) => providerBlock(p, year, audience === 'committee')),
  '\n',
)}
${csvLink(PLANS_CSV, 'alle jaarplannen')}
${csvLink(MATURITY_CSV, 'alle maturiteitsscans')}`;
  },
  csv: [
    {
      name: PROVIDERS_CSV,
      metadata: {
        title: 'Dienstverleners in het jaar',
        description:
          'Eén rij per dienstverlener: zijn jaarplan, zijn toetsingen, wat hij nog verschuldigd is, de feedback van zijn gebruikers en zijn maturiteitsscan.',
        columns: {
          jaar: { ...COLUMNS.period, description: 'Het jaar van het jaarrapport.', format: '^\\d{4}$' },
          organisatie: COLUMNS.organisation,
          organisatie_naam: COLUMNS.organisationName,
          jaarplan: { description: 'Diende de dienstverlener een jaarplan in voor het jaar?', datatype: 'string', values: ['ja', 'nee'] },
          nieuw: {
            description: 'Aantal nieuwe diensten in het jaarplan.',
            datatype: 'integer',
            minimum: 0,
            unit: 'diensten',
            empty: 'geen jaarplan',
          },
          vernieuwing: {
            description: 'Aantal grondig te vernieuwen diensten in het jaarplan.',
            datatype: 'integer',
            minimum: 0,
            unit: 'diensten',
            empty: 'geen jaarplan',
          },
          getoetst_in_jaar: { description: 'Aantal diensten getoetst in het jaar.', datatype: 'integer', minimum: 0, unit: 'diensten' },
          verschuldigd: {
            description: 'Aantal toetsingen die de dienstverlener aan het einde van het jaar verschuldigd is.',
            datatype: 'integer',
            minimum: 0,
            unit: 'toetsingen',
          },
          reacties: {
            description: 'Aantal reacties van gebruikers op al zijn diensten samen.',
            datatype: 'integer',
            minimum: 0,
            unit: 'reacties',
            empty: 'geen reacties',
          },
          status_tevredenheid: {
            description: 'enough: 10 reacties of meer; too_few: minder dan 10 ("te weinig reacties"); no_data: geen reacties.',
            datatype: 'string',
            values: ['enough', 'too_few', 'no_data'],
          },
          tevredenheid: {
            description: 'Aandeel tevreden gebruikers: Σ(scores 4 en 5) ÷ Σ(scores).',
            datatype: 'double',
            minimum: 0,
            maximum: 1,
            unit: 'aandeel (0 tot 1)',
            empty: 'minder dan 10 reacties, of geen',
          },
          maturiteitsscan: {
            description: 'Diende de dienstverlener een maturiteitsscan in voor het jaar?',
            datatype: 'string',
            values: ['ja', 'nee'],
          },
        },
      },
      header: [
        'jaar',
        'organisatie',
        'organisatie_naam',
        'jaarplan',
        'nieuw',
        'vernieuwing',
        'getoetst_in_jaar',
        'verschuldigd',
        'reacties',
        'status_tevredenheid',
        'tevredenheid',
        'maturiteitsscan',
      ],
      rows: ({ providers }, { period }) =>
        (providers ?? []).map((p) => [
          period.id,
          p.organisationId,
          p.organisationName,
          p.plan === null ? 'nee' : 'ja',
          p.plan?.filter((s) => s.kind === 'new').length ?? null,
          p.plan?.filter((s) => s.kind === 'rework').length ?? null,
          p.assessedInYear,
          p.owing.length,
          responses(p.feedback.all),
          p.feedback.all.status,
          p.feedback.all.status === 'enough' ? p.feedback.all.satisfaction : null,
          p.maturity ? 'ja' : 'nee',
        ]),
    },
    {
      name: PLANS_CSV,
      metadata: {
        title: 'Jaarplannen',
        description: 'Eén rij per dienst in het jaarplan van een dienstverlener, met de toetsingen ervan en wat nog verschuldigd is.',
        columns: {
          jaar: { ...COLUMNS.period, description: 'Het jaar van het jaarrapport.', format: '^\\d{4}$' },
          organisatie: COLUMNS.organisation,
          organisatie_naam: COLUMNS.organisationName,
          dienst: COLUMNS.service,
          dienst_naam: COLUMNS.serviceName,
          soort: {
            description: 'new: een nieuwe dienst; rework: een grondige vernieuwing.',
            datatype: 'string',
            values: ['new', 'rework'],
          },
          start: { ...COLUMNS.date, description: 'De start van het werk.' },
          in_gebruik: { ...COLUMNS.date, description: 'De geplande ingebruikname.', empty: 'niet gekend' },
          significant: {
            description:
              'true: een budget van meer dan 500.000 euro of meer dan 100.000 gebruikers (strategie §3.2); false: geen van beide; unknown: niet gekend.',
            datatype: 'string',
            values: ['true', 'false', 'unknown'],
          },
          toetsing_voor: {
            ...COLUMNS.date,
            description: 'De datum van de laatste toetsing vóór de vernieuwing.',
            empty: 'nog niet getoetst',
          },
          toetsing_na: { ...COLUMNS.date, description: 'De datum van de laatste toetsing na de vernieuwing.', empty: 'nog niet getoetst' },
          verschuldigd: {
            description:
              'De verschuldigde toetsingen, elk als "pre sinds JJJJ-MM-DD" of "post sinds JJJJ-MM-DD", gescheiden door een spatie.',
            datatype: 'string',
            empty: 'niets verschuldigd',
          },
        },
      },
      header: [
        'jaar',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'soort',
        'start',
        'in_gebruik',
        'significant',
        'toetsing_voor',
        'toetsing_na',
        'verschuldigd',
      ],
      rows: ({ providers }, { period }) =>
        (providers ?? []).flatMap((p) =>
          (p.plan ?? []).map((s) => [
            period.id,
            p.organisationId,
            p.organisationName,
            s.serviceId,
            s.name,
            s.kind,
            s.startsOn,
            s.goLiveOn,
            String(s.significance),
            s.pre,
            s.post,
            s.owes.map((o) => `${o.phase} sinds ${o.since}`).join(' '),
          ]),
        ),
    },
    {
      name: MATURITY_CSV,
      metadata: {
        title: 'Maturiteitsscans',
        description: 'Eén rij per thema van de maturiteitsscan van een dienstverlener voor het jaar: het huidige niveau en de ambitie.',
        columns: {
          jaar: { ...COLUMNS.period, description: 'Het jaar van het jaarrapport.', format: '^\\d{4}$' },
          organisatie: COLUMNS.organisation,
          organisatie_naam: COLUMNS.organisationName,
          thema: { description: 'Het thema: een id.', datatype: 'string' },
          thema_naam: { description: 'De naam van het thema.', datatype: 'string' },
          huidig: { description: 'Het huidige niveau.', datatype: 'string', values: MATURITY_LEVELS },
          ambitie: { description: 'Het niveau dat de dienstverlener wil bereiken.', datatype: 'string', values: MATURITY_LEVELS },
          stappen: {
            description: 'Hoeveel niveaus de ambitie boven het huidige niveau ligt.',
            datatype: 'integer',
            minimum: 0,
            unit: 'niveaus',
          },
        },
      },
      header: ['jaar', 'organisatie', 'organisatie_naam', 'thema', 'thema_naam', 'huidig', 'ambitie', 'stappen'],
      rows: ({ providers }, { period }) =>
        (providers ?? []).flatMap((p) =>
          (p.maturity?.themes ?? []).map((t) => [
            period.id,
            p.organisationId,
            p.organisationName,
            t.themeId,
            t.name,
            t.current,
            t.ambition,
            t.steps,
          ]),
        ),
    },
  ],
});
