// Committee: the significant services that still owe an assessment.
import { describeOrganisation } from '../../organisations.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { defineSection } from './section.js';

export interface OwingService {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
  owes: 'pre' | 'post';
}

const OWES = { pre: 'toetsing vóór de vernieuwing', post: 'toetsing na de vernieuwing (zodra ze in gebruik is)' } as const;

export const owingSection = defineSection({
  id: 'verschuldigd',
  title: 'Verschuldigde toetsingen',
  in: { committee: 40 },
  model: (selection) => ({
    owing: selection.services
      .filter((r) => r.service.significant && (!r.pre || !r.post))
      .map(({ service, pre }): OwingService => ({
        organisationId: service.organisationId,
        organisationName: describeOrganisation(service.organisationId, selection.organisations).name,
        serviceId: service.serviceId,
        name: service.name,
        owes: pre ? 'post' : 'pre',
      })),
  }),
  json: (model) => model,
  html: ({ owing }, { heading, period }) => html`${heading}
${
  owing.length === 0
    ? html`<p>Alle significante diensten zijn vóór en na hun vernieuwing getoetst.</p>`
    : scrollTable(
        `Significante diensten die nog een toetsing verschuldigd zijn, stand ${period.label}`,
        ['Organisatie / dienst', 'Verschuldigd'],
        owing.map((o) => html`<tr><th scope="row">${o.organisationName} / ${o.name}</th><td class="text">${OWES[o.owes]}</td></tr>`),
      )
}`,
});
