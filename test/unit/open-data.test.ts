// The public CSV files as open data: every public CSV definition describes
// every column of its header; the CSVW metadata generated from it describes
// the CSV as written (names in order, each cell of its datatype, empty only as
// no value); the columns are the same in every period; and the DCAT-AP
// catalogue lists every published file with its media type, period, licence
// and publisher.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATA_LICENCE, PUBLISHER } from '../../shared/domain/licence.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { csvwFiles, csvwMetadata, csvwName, dcatCatalogue, publicCsvFiles } from '../../shared/domain/report/open-data.js';
import { isIn, SECTIONS } from '../../shared/domain/report/sections/index.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import { reportAssessments, reportInput } from '../support/report-input.js';

type Column = {
  name: string;
  titles: string;
  datatype: string | { base: string; format?: string; minimum?: number; maximum?: number };
  null: string;
};

const filesOf = (report: ReturnType<typeof buildReports>[Audience]) =>
  Object.fromEntries(report.sections.flatMap((s) => s.files(report.page)).map((f) => [f.name, f.body]));

/** Does a cell hold a value of the column's datatype (CSVW: after the null check)? */
function conforms(cell: string, column: Column): boolean {
  if (cell === column.null) return true;
  const dt = typeof column.datatype === 'string' ? { base: column.datatype } : column.datatype;
  const lexical: Record<string, RegExp> = {
    string: /^[\s\S]*$/,
    integer: /^-?\d+$/,
    double: /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/,
    date: /^\d{4}-\d{2}-\d{2}$/,
  };
  if (!lexical[dt.base]!.test(cell)) return false;
  if (dt.format && !new RegExp(dt.format).test(cell)) return false;
  if (dt.minimum !== undefined && Number(cell) < dt.minimum) return false;
  if (dt.maximum !== undefined && Number(cell) > dt.maximum) return false;
  return true;
}

describe('CSV column metadata', () => {
  it('describes every column of every public CSV, and nothing else', () => {
    const publicCsv = SECTIONS.filter((s) => isIn('public', s)).flatMap((s) => s.csvFiles);
    expect(publicCsv.map((f) => f.name)).toEqual([
      'indicators.csv',
      'vernieuwde-diensten.csv',
      'e-loketten.csv',
      'kanalen.csv',
      'in-vernieuwing.csv',
      'goede-waarden.csv',
      'tevredenheid.csv',
      'tevredenheid-kwartalen.csv',
      'dienstverleners.csv',
      'jaarplannen.csv',
      'maturiteit.csv',
      'acties.csv',
      'hulpmiddelen.csv',
    ]);
    for (const file of publicCsv) {
      expect(file.metadata, file.name).toBeDefined();
      expect(Object.keys(file.metadata!.columns).sort(), file.name).toEqual([...file.header].sort());
      expect(file.metadata!.title.length).toBeGreaterThan(5);
      for (const [name, c] of Object.entries(file.metadata!.columns)) {
        expect(c.description.length, `${file.name} ${name}`).toBeGreaterThan(5);
        expect(['string', 'integer', 'double', 'date']).toContain(c.datatype);
      }
    }
  });

  it('gives a CSVW file beside every public CSV that describes it as written: names in order, each cell of its datatype', () => {
    for (const periodId of ['2026-Q3', '2026-08', '2026']) {
      const reports = buildReports(reportInput({ periodId }));
      const csv = filesOf(reports.public);
      const metadata = csvwFiles(periodId);
      // Every CSV the period's report has is described (a year's report has the yearly files too).
      expect(Object.keys(metadata)).toEqual(expect.arrayContaining(Object.keys(csv).map(csvwName)));
      if (periodId === '2026') expect(Object.keys(csv)).toEqual(expect.arrayContaining(['jaarplannen.csv', 'acties.csv']));
      for (const [name, body] of Object.entries(csv)) {
        const meta = JSON.parse(metadata[csvwName(name)]!) as {
          url: string;
          tableSchema: { columns: Column[] };
          'dc:license': { '@id': string };
        };
        expect(meta.url).toBe(name);
        expect(meta['dc:license']['@id']).toBe(DATA_LICENCE.url);
        const [header, ...rows] = parse(body, { bom: true, relax_column_count: false }) as string[][];
        expect(meta.tableSchema.columns.map((c) => c.name)).toEqual(header);
        expect(meta.tableSchema.columns.map((c) => c.titles)).toEqual(header);
        for (const r of rows)
          r.forEach((cell, i) =>
            expect(conforms(cell, meta.tableSchema.columns[i]!), `${periodId} ${name} ${header![i]}: "${cell}"`).toBe(true),
          );
      }
    }
  });

  it('keeps the columns of every public CSV the same from period to period', () => {
    const headers = (periodId: string, assessments = reportAssessments()) =>
      Object.fromEntries(
        Object.entries(filesOf(buildReports(reportInput({ periodId, assessments })).public)).map(([n, b]) => [n, b.split('\r\n')[0]]),
      );
    // Two periods with different data (one with no assessment at all) give the same files with the same headers.
    expect(headers('2026-Q3')).toEqual(headers('2025-Q1', []));
    expect(headers('2026-Q3')).toEqual(headers('2026-07'));
  });

  it('refuses to describe a CSV whose header has a column without metadata', () => {
    const file = publicCsvFiles()[0]!;
    expect(() => csvwMetadata({ ...file, header: [...file.header, 'nieuw'], metadata: file.metadata! }, '2026-Q3')).toThrow('nieuw');
  });
});

describe('DCAT-AP catalogue', () => {
  const files = ['report.json', 'indicators.csv', csvwName('indicators.csv'), 'index.html'];
  const catalogue = dcatCatalogue([
    { period: '2026-Q3', asOf: '2026-10-02T08:00:00.000Z', files },
    { period: '2026-Q2', asOf: null, files },
  ]) as unknown as {
    '@type': string;
    'dct:license': { '@id': string };
    'dct:publisher': { 'foaf:name': string };
    'dcat:dataset': Array<{
      'dct:identifier': string;
      'dct:temporal': { 'dcat:startDate': { '@value': string }; 'dcat:endDate': { '@value': string } };
      'dct:license': { '@id': string };
      'dct:publisher': { '@id': string };
      'dcat:distribution': Array<{
        'dcat:accessURL': { '@id': string };
        'dcat:mediaType': { '@id': string };
        'dct:format': { '@id': string };
        'dct:license': { '@id': string };
        'dct:conformsTo'?: { '@id': string };
      }>;
    }>;
  };

  it('lists every period as a dataset with its time span, licence and publisher, oldest first', () => {
    expect(catalogue['@type']).toBe('dcat:Catalog');
    expect(catalogue['dct:license']['@id']).toBe(DATA_LICENCE.url);
    expect(catalogue['dct:publisher']['foaf:name']).toBe(PUBLISHER.name);
    const [q2, q3] = catalogue['dcat:dataset'];
    expect(q2!['dct:identifier']).toBe('dds-monitor-2026-Q2');
    expect(q3!['dct:temporal']['dcat:startDate']['@value']).toBe('2026-07-01');
    expect(q3!['dct:temporal']['dcat:endDate']['@value']).toBe('2026-09-30');
    expect(q3!['dct:license']['@id']).toBe(DATA_LICENCE.url);
    expect(q3!['dct:publisher']['@id']).toBe('#publisher');
  });

  it('lists every file of a period as a distribution with its media type, format and licence', () => {
    const q3 = catalogue['dcat:dataset'][1]!;
    expect(q3['dcat:distribution'].map((d) => [d['dcat:accessURL']['@id'], d['dcat:mediaType']['@id'].split('media-types/')[1]])).toEqual([
      ['2026-Q3/report.json', 'application/json'],
      ['2026-Q3/indicators.csv', 'text/csv'],
      ['2026-Q3/indicators.csv-metadata.json', 'application/csvm+json'],
      ['2026-Q3/index.html', 'text/html'],
    ]);
    for (const d of q3['dcat:distribution']) {
      expect(d['dct:license']['@id']).toBe(DATA_LICENCE.url);
      expect(d['dct:format']['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON|HTML)$/);
    }
    expect(q3['dcat:distribution'][1]!['dct:conformsTo']!['@id']).toBe('2026-Q3/indicators.csv-metadata.json');
  });
});
