// Committee: what looks wrong in the data rather than in the services, most
// severe first.
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { dataQualityFindings } from '../findings.js';
import { html } from '../html.js';
import { SEVERITY_LABELS } from '../labels.js';
import { defineSection } from './section.js';

export const FINDINGS_CSV = 'bevindingen.csv';

export const dataQualitySection = defineSection({
  id: 'bevindingen',
  title: 'Bevindingen over de gegevens',
  in: { committee: 20 },
  model: (selection) => ({ findings: dataQualityFindings(selection.period.id, selection.eloketten, selection.services) }),
  json: (model) => model,
  html: ({ findings }, { heading, period }) => html`${heading}
${
  findings.length === 0
    ? html`<p>Geen bevindingen.</p>`
    : scrollTable(
        `Bevindingen over de gegevens, ${period.label}`,
        ['Ernst', 'Bevinding'],
        findings.map(
          (f) => html`<tr><td class="text sev-${f.severity}">${SEVERITY_LABELS[f.severity]}</td><td class="text">${f.message}</td></tr>`,
        ),
      )
}
${csvLink(FINDINGS_CSV, 'de bevindingen')}`,
  csv: [
    {
      name: FINDINGS_CSV,
      header: ['periode', 'ernst', 'soort', 'onderwerp', 'bevinding'],
      rows: ({ findings }, { period }) => findings.map((f) => [period.id, f.severity, f.code, f.subject, f.message]),
    },
  ],
});
