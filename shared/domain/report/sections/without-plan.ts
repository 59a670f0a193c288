// The providers without a plan (design §2.1), a year's reports only: the
// registered organisations that assessed a service in the year or the one
// before, and sent no plan for the year.
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { providersWithoutPlan } from '../yearly.js';
import { defineSection } from './section.js';

export const withoutPlanSection = defineSection({
  id: 'zonder-jaarplan',
  title: (page) => `Dienstverleners zonder jaarplan voor ${page.period.id}`,
  in: { public: 13, committee: 13 },
  model: (selection) => ({ withoutPlan: providersWithoutPlan(selection) }),
  applies: ({ withoutPlan }) => withoutPlan !== null,
  json: (model) => model,
  html: ({ withoutPlan }, { heading, period }) => {
    const year = Number(period.id);
    const list = withoutPlan ?? [];
    return html`${heading}
<p>Geregistreerde organisaties die in ${year - 1} of ${year} een dienst toetsten, maar geen jaarplan voor ${year} stuurden.</p>
${
  list.length === 0
    ? html`<p>Geen: elke organisatie die in ${year - 1} of ${year} een dienst toetste, stuurde een jaarplan.</p>`
    : scrollTable(
        `Dienstverleners zonder jaarplan voor ${year}`,
        ['Dienstverlener', 'Laatste toetsing'],
        list.map((p) => html`<tr><th scope="row">${p.organisationName}</th><td>${p.lastAssessedOn}</td></tr>`),
      )
}`;
  },
});
