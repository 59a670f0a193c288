// GET /v1/feedback/… as CSV (Accept: text/csv): one table a spreadsheet
// opens as it is, the figures on the first row and one row per comment.
// Cells that start like a formula are escaped, as in the reports' CSVs.
import { stringify } from 'csv-stringify/sync';
import type { ServiceFeedbackView } from './service-feedback.js';

const COLUMNS = [
  'soort',
  'organisatie',
  'dienst',
  'periode',
  'status',
  'reacties',
  'tevredenheid',
  'gemiddelde_score',
  'gevonden_aandeel',
  'score_1',
  'score_2',
  'score_3',
  'score_4',
  'score_5',
  'gevonden_ja',
  'gevonden_deels',
  'gevonden_nee',
  'ontvangen_op',
  'bron',
  'score_bij_opmerking',
  'opmerking',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

export function feedbackCsv(v: ServiceFeedbackView): string {
  const f = v.feedback;
  const rows: Row[] = [
    {
      soort: 'cijfers',
      organisatie: v.organisationId,
      dienst: v.serviceId,
      periode: v.period,
      status: f.status === 'enough' ? 'voldoende reacties' : f.status === 'too_few' ? f.label : 'geen gegevens',
      reacties: f.status === 'no_data' ? null : f.responses,
      ...(f.status === 'enough'
        ? {
            tevredenheid: f.satisfaction,
            gemiddelde_score: f.meanRating,
            gevonden_aandeel: f.foundItShare,
            score_1: f.ratings['1'],
            score_2: f.ratings['2'],
            score_3: f.ratings['3'],
            score_4: f.ratings['4'],
            score_5: f.ratings['5'],
            gevonden_ja: f.foundIt.yes,
            gevonden_deels: f.foundIt.partly,
            gevonden_nee: f.foundIt.no,
          }
        : {}),
    },
    ...v.comments.map((c): Row => ({
      soort: 'opmerking',
      organisatie: v.organisationId,
      dienst: v.serviceId,
      periode: c.source === 'aggregate' ? c.period : v.period,
      ontvangen_op: c.receivedOn,
      bron: c.source === 'form' ? 'formulier' : 'eigen feedbackinstrument',
      score_bij_opmerking: c.source === 'form' ? c.rating : null,
      opmerking: c.text,
    })),
  ];
  // A lone CR or LF inside a cell is quoted too: csv-stringify only quotes the record delimiter itself.
  return stringify([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ''))], {
    escape_formulas: true,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
}
