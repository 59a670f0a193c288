// CSV per RFC 4180 through csv-stringify; escape_formulas keeps a cell that
// starts with = + - @ tab or CR from running as a formula in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import { PERSPECTIVES, PRINCIPLES } from '../catalog.js';
import type { CommitteeReport, PublicReport } from './report-model.js';

export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], {
    escape_formulas: true,
    record_delimiter: '\r\n',
    bom: false,
  });
}

export function indicatorsCsv(report: PublicReport): string {
  const rows: Array<Array<string | number>> = [];
  for (const p of [...PRINCIPLES, 'all'] as const) {
    for (const v of [...PERSPECTIVES, 'all'] as const) {
      const c = report.assessments.bands[p][v];
      rows.push([report.period.id, p === 'all' ? 'alle' : p, v === 'all' ? 'alle' : v, c.good, c.partial, c.none, c['n/a']]);
    }
  }
  return toCsv(['periode', 'principe', 'perspectief', 'goed', 'gedeeltelijk', 'niet', 'niet_van_toepassing'], rows);
}

export function explanationsCsv(report: CommitteeReport): string {
  return toCsv(
    ['periode', 'organisatie', 'dienst', 'fase', 'criterium', 'toelichting'],
    report.explanations.map((e) => [report.period.id, e.organisationId, e.serviceId, e.phase, e.criterionId, e.explanation]),
  );
}
