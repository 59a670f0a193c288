// Committee: what users wrote about each service in the period (seed actions
// 14 and 21), as stored: e-mail addresses, phone numbers and national register
// numbers were masked before anything was stored. Only the comments not
// expired when the report was built are read; an erased comment disappears
// when the report is republished (erasure does that). Personal data: never in
// a public file, so this section is the committee's only.
import { commentsAnchor, commentsOf } from '../comments.js';
import { csvLink } from '../components/csv-link.js';
import { scrollTable } from '../components/table.js';
import { count } from '../format.js';
import { html, join } from '../html.js';
import { defineSection } from './section.js';

export const COMMENTS_CSV = 'opmerkingen.csv';

const SOURCE = { form: 'formulier', aggregate: 'eigen feedbackinstrument' } as const;

/** A comment's text with its line breaks, every character escaped. */
const commentText = (text: string) =>
  join(
    text.split('\n').map((line) => html`${line}`),
    html`<br>`,
  );

export const commentsSection = defineSection({
  id: 'opmerkingen',
  title: 'Wat gebruikers schreven',
  in: { committee: 98 },
  model: (selection) => ({ comments: selection.shared(commentsOf) }),
  json: (model) => model,
  html: ({ comments }, { heading, period }) => {
    const total = comments.reduce((a, s) => a + s.total, 0);
    const seen = new Set<string>();
    const rows = comments.flatMap((s) => [
      ...s.comments.map((c, i) => {
        // The first row of each organisation carries its anchor (the yearly report links to it).
        const anchor = !seen.has(s.organisationId) && i === 0 ? commentsAnchor(s.organisationId) : null;
        seen.add(s.organisationId);
        return html`<tr${anchor ? html` id="${anchor}"` : ''}><th scope="row">${s.organisationName} / ${s.serviceName}</th><td class="text">${SOURCE[c.source]}${c.period ? html`, over ${c.period}` : ''}</td><td>${c.receivedOn}</td><td>${c.rating ?? '—'}</td><td class="text">${commentText(c.text)}</td></tr>`;
      }),
      ...(s.total > s.comments.length
        ? [
            html`<tr><th scope="row">${s.organisationName} / ${s.serviceName}</th><td colspan="4" class="text">en nog ${count(s.total - s.comments.length)} oudere opmerkingen: lees ze via GET /v1/feedback/${s.organisationId}/${s.serviceId}</td></tr>`,
          ]
        : []),
    ]);
    return html`${heading}
<p>${count(total)} opmerkingen van gebruikers over ${period.label}, zoals bewaard: e-mailadressen, telefoonnummers en rijksregisternummers zijn vóór het bewaren gemaskeerd. Een opmerking wordt maar een beperkte tijd bewaard; dit rapport toont de opmerkingen die bij het maken ervan nog bewaard waren. Wordt een opmerking gewist, dan wordt dit rapport opnieuw gepubliceerd zonder die opmerking.</p>
${
  rows.length === 0
    ? html`<p>Geen opmerkingen.</p>`
    : scrollTable(`Opmerkingen van gebruikers, ${period.label}`, ['Organisatie / dienst', 'Bron', 'Ontvangen', 'Score', 'Opmerking'], rows)
}
${csvLink(COMMENTS_CSV, 'de opmerkingen')}`;
  },
  csv: [
    {
      name: COMMENTS_CSV,
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'bron',
        'gemelde_periode',
        'ontvangen_op',
        'score',
        'opmerking',
      ],
      rows: ({ comments }, { period }) =>
        comments.flatMap((s) =>
          s.comments.map((c) => [
            period.id,
            s.organisationId,
            s.organisationName,
            s.serviceId,
            s.serviceName,
            c.source,
            c.period,
            c.receivedOn,
            c.rating,
            c.text,
          ]),
        ),
    },
  ],
});
