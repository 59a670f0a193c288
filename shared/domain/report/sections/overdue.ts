// Committee: unmet criteria whose provider said by when they would be met
// (`plannedBy`), and that date has passed by the period's end.
import { describeOrganisation } from '../../organisations.js';
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { defineSection } from './section.js';

export const OVERDUE_CSV = 'achterstallig.csv';

export interface OverdueCriterion {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  phase: 'pre' | 'post';
  criterionId: string;
  plannedBy: string;
}

export const overdueSection = defineSection({
  id: 'achterstallig',
  title: 'Beloofde verbeteringen waarvan de datum voorbij is',
  in: { committee: 45 },
  model: (selection) => ({
    overdue: selection.services.flatMap(({ service, pre, post }) =>
      [pre, post].flatMap((a) =>
        a === null
          ? []
          : Object.entries(a.plannedBy)
              .filter(([, by]) => by < selection.period.end)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([criterionId, plannedBy]): OverdueCriterion => ({
                organisationId: service.organisationId,
                organisationName: describeOrganisation(service.organisationId, selection.organisations).name,
                serviceId: service.serviceId,
                serviceName: service.name,
                phase: a.phase,
                criterionId,
                plannedBy,
              })),
      ),
    ),
  }),
  json: (model) => model,
  html: ({ overdue }, { heading, period }) => html`${heading}
${
  overdue.length === 0
    ? html`<p>Op het einde van ${period.label} is geen beloofde datum voorbij.</p>`
    : scrollTable(
        `Criteria die volgens de dienstverlener voldaan zouden zijn, stand ${period.label}`,
        ['Organisatie / dienst', 'Toetsing', 'Criterium', 'Beloofd tegen'],
        overdue.map(
          (o) =>
            html`<tr><th scope="row">${o.organisationName} / ${o.serviceName}</th><td>${o.phase === 'pre' ? 'vóór' : 'na'}</td><td>${o.criterionId}</td><td>${o.plannedBy}</td></tr>`,
        ),
      )
}
${csvLink(OVERDUE_CSV, 'deze tabel')}`,
  csv: [
    {
      name: OVERDUE_CSV,
      header: ['periode', 'organisatie', 'organisatie_naam', 'dienst', 'dienst_naam', 'fase', 'criterium', 'beloofd_tegen'],
      rows: ({ overdue }, { period }) =>
        overdue.map((o) => [
          period.id,
          o.organisationId,
          o.organisationName,
          o.serviceId,
          o.serviceName,
          o.phase,
          o.criterionId,
          o.plannedBy,
        ]),
    },
  ],
});
