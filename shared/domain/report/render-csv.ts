// CSV per RFC 4180 through csv-stringify; escape_formulas keeps a cell that
// starts with = + - @ tab or CR from running as a formula in a spreadsheet.
// Numbers are plain (no thousands separators); a figure without data is an
// empty cell beside a status that says so.
import { stringify } from 'csv-stringify/sync';
import { PERSPECTIVES, PRINCIPLES } from '../catalog.js';
import type { CommitteeReport, PublicReport } from './report-model.js';

type Cell = string | number | null;

export function toCsv(header: string[], rows: Cell[][]): string {
  // A lone CR or LF inside a cell is quoted too: csv-stringify only quotes the record delimiter itself.
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], {
    escape_formulas: true,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
}

export function indicatorsCsv(report: Omit<PublicReport, 'kind'>): string {
  const rows: Cell[][] = [];
  for (const p of [...PRINCIPLES, 'all'] as const) {
    for (const v of [...PERSPECTIVES, 'all'] as const) {
      const c = report.assessments.bands[p][v];
      rows.push([report.period.id, p === 'all' ? 'alle' : p, v === 'all' ? 'alle' : v, c.good, c.partial, c.none, c['n/a']]);
    }
  }
  return toCsv(['periode', 'principe', 'perspectief', 'goed', 'gedeeltelijk', 'niet', 'niet_van_toepassing'], rows);
}

export function reworkedCsv(report: Omit<PublicReport, 'kind'>): string {
  return toCsv(
    [
      'periode',
      'organisatie',
      'organisatie_naam',
      'dienst',
      'dienst_naam',
      'voor_datum',
      'voor_score',
      'voor_band',
      'na_datum',
      'na_score',
      'na_band',
      'verschil',
    ],
    report.reworked.services.map((s) => [
      report.period.id,
      s.organisationId,
      s.organisationName,
      s.serviceId,
      s.name,
      s.pre.assessedOn,
      s.pre.score,
      s.pre.band,
      s.post.assessedOn,
      s.post.score,
      s.post.band,
      s.change,
    ]),
  );
}

export function eloketEvolutionCsv(report: Omit<PublicReport, 'kind'>): string {
  return toCsv(
    ['kwartaal', 'e_loket', 'status', 'aangeboden_diensten', 'burgers', 'ondernemers', 'verenigingen', 'lokale_besturen'],
    report.evolution.eloketten.flatMap((e) =>
      e.points.map((p) => [
        p.quarter,
        e.id,
        p.status,
        p.servicesOffered,
        p.byTargetGroup.burgers ?? null,
        p.byTargetGroup.ondernemers ?? null,
        p.byTargetGroup.verenigingen ?? null,
        p.byTargetGroup['lokale-besturen'] ?? null,
      ]),
    ),
  );
}

export function channelsCsv(report: Omit<PublicReport, 'kind'>): string {
  const rows: Cell[][] = report.eloketten.map(({ id, figure }) =>
    figure.status === 'no_data'
      ? [report.period.id, id, 'no_data', null, null, null, null, null, null, null, null]
      : [
          report.period.id,
          id,
          figure.status,
          figure.volumes.click,
          figure.volumes.call,
          figure.volumes.connect,
          figure.volumes.other,
          figure.volumes.total,
          figure.volumes.rows,
          figure.volumes.rowsWithData,
          figure.digitalShare,
        ],
  );
  const all = report.all;
  rows.push(
    all.status === 'no_data'
      ? [report.period.id, 'alle', 'no_data', null, null, null, null, null, null, null, null]
      : [
          report.period.id,
          'alle',
          all.status,
          all.volumes.click,
          all.volumes.call,
          all.volumes.connect,
          all.volumes.other,
          all.volumes.total,
          all.volumes.rows,
          all.volumes.rowsWithData,
          all.digitalShare,
        ],
  );
  return toCsv(
    ['periode', 'e_loket', 'status', 'click', 'call', 'connect', 'other', 'totaal', 'rijen', 'rijen_met_gegevens', 'digitaal_aandeel'],
    rows,
  );
}

export function explanationsCsv(report: CommitteeReport): string {
  return toCsv(
    ['periode', 'organisatie', 'dienst', 'fase', 'criterium', 'toelichting'],
    report.explanations.map((e) => [report.period.id, e.organisationId, e.serviceId, e.phase, e.criterionId, e.explanation]),
  );
}

export function criteriaCsv(report: CommitteeReport): string {
  return toCsv(
    ['periode', 'criterium', 'principe', 'perspectief', 'voldaan', 'niet_voldaan', 'niet_van_toepassing', 'aandeel_voldaan'],
    report.criteria.map((c) => [report.period.id, c.criterionId, c.principle, c.perspective, c.met, c.notMet, c.notApplicable, c.share]),
  );
}

export function committeeServicesCsv(report: CommitteeReport): string {
  return toCsv(
    [
      'periode',
      'beleidsdomein',
      'organisatie',
      'organisatie_naam',
      'dienst',
      'dienst_naam',
      'significant',
      'voor_datum',
      'voor_score',
      'voor_band',
      'na_datum',
      'na_score',
      'na_band',
    ],
    report.domains.flatMap((d) =>
      d.organisations.flatMap((o) =>
        o.services.map((s) => [
          report.period.id,
          d.policyDomain,
          o.organisationId,
          o.name,
          s.serviceId,
          s.name,
          s.significant ? 'ja' : 'nee',
          s.pre?.assessedOn ?? null,
          s.pre?.score ?? null,
          s.pre?.band ?? null,
          s.post?.assessedOn ?? null,
          s.post?.score ?? null,
          s.post?.band ?? null,
        ]),
      ),
    ),
  );
}

export function findingsCsv(report: CommitteeReport): string {
  return toCsv(
    ['periode', 'ernst', 'soort', 'onderwerp', 'bevinding'],
    report.findings.map((f) => [report.period.id, f.severity, f.code, f.subject, f.message]),
  );
}
