// Committee: per provider, the significant services that owe an assessment
// and since when (the one owed rule, design §2), the ones whose go-live date
// is unknown, and the services whose significance cannot be judged because
// neither their budget nor their audience is known.
import { describeOrganisation } from '../../organisations.js';
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { defineSection } from './section.js';

export const OWING_CSV = 'verschuldigd.csv';

export interface OwingService {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
  owes: 'pre' | 'post';
  /** owed since this day */
  since: string;
  /** in the provider's yearly plan */
  planned: boolean;
}

export interface ServiceRef {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
}

const OWES = { pre: 'toetsing vóór de vernieuwing', post: 'toetsing na de vernieuwing' } as const;

export const owingSection = defineSection({
  id: 'verschuldigd',
  title: 'Verschuldigde toetsingen',
  in: { committee: 40 },
  model: (selection) => {
    const ref = (s: { organisationId: string; serviceId: string; name: string }): ServiceRef => ({
      organisationId: s.organisationId,
      organisationName: describeOrganisation(s.organisationId, selection.organisations).name,
      serviceId: s.serviceId,
      name: s.name,
    });
    return {
      owing: selection.all.flatMap((s) =>
        s.owed.owes.map((o): OwingService => ({
          // Not `{ ...ref(s), owes, ... }`: a spread followed by properties it lacked costs some 250 bytes an object on Node 20 (services.ts).
          organisationId: s.organisationId,
          organisationName: describeOrganisation(s.organisationId, selection.organisations).name,
          serviceId: s.serviceId,
          name: s.name,
          owes: o.phase,
          since: o.since,
          planned: s.plan !== null,
        })),
      ),
      goLiveUnknown: selection.all.filter((s) => s.owed.goLiveUnknown).map(ref),
      significanceUnknown: selection.all.filter((s) => s.significance === 'unknown').map(ref),
    };
  },
  json: (model) => model,
  html: ({ owing, goLiveUnknown, significanceUnknown }, { heading, period }) => html`${heading}
<p>Een significante dienst is een toetsing vóór de vernieuwing verschuldigd vanaf de start van het werk, en een toetsing na de vernieuwing vanaf 90 dagen nadat ze in gebruik is genomen.</p>
${
  owing.length === 0
    ? html`<p>Op het einde van ${period.label} is geen enkele significante dienst een toetsing verschuldigd.</p>`
    : scrollTable(
        `Significante diensten die een toetsing verschuldigd zijn, stand ${period.label}`,
        ['Organisatie / dienst', 'Verschuldigd', 'Sinds', 'In het jaarplan'],
        owing.map(
          (o) =>
            html`<tr><th scope="row">${o.organisationName} / ${o.name}</th><td class="text">${OWES[o.owes]}</td><td>${o.since}</td><td>${o.planned ? 'ja' : 'nee'}</td></tr>`,
        ),
      )
}
${csvLink(OWING_CSV, 'deze tabel')}
<h3>Datum van ingebruikname onbekend</h3>
${
  goLiveUnknown.length === 0
    ? html`<p>Van elke significante dienst zonder toetsing na de vernieuwing is bekend wanneer ze in gebruik gaat.</p>`
    : html`<p>Van deze significante diensten is niet bekend wanneer ze in gebruik gaan; daarom staat er nog geen toetsing na de vernieuwing als verschuldigd:</p>
<ul>${goLiveUnknown.map((s) => html`<li>${s.organisationName} / ${s.name}</li>`)}</ul>`
}
<h3>Significantie onbekend</h3>
${
  significanceUnknown.length === 0
    ? html`<p>Van elke dienst is bekend of ze significant is.</p>`
    : html`<p>Van deze diensten zijn budget en doelpubliek niet gekend; of ze een toetsing verschuldigd zijn, kan niet worden beoordeeld:</p>
<ul>${significanceUnknown.map((s) => html`<li>${s.organisationName} / ${s.name}</li>`)}</ul>`
}`,
  csv: [
    {
      name: OWING_CSV,
      header: ['periode', 'organisatie', 'organisatie_naam', 'dienst', 'dienst_naam', 'verschuldigd', 'sinds', 'in_jaarplan'],
      rows: ({ owing }, { period }) =>
        owing.map((o) => [period.id, o.organisationId, o.organisationName, o.serviceId, o.name, o.owes, o.since, o.planned ? 'ja' : 'nee']),
    },
  ],
});
