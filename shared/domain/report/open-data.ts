// The public reports as open data: beside every public CSV its CSVW metadata
// (W3C "Metadata Vocabulary for Tabular Data": columns, datatypes, units, what
// an empty cell means), and one DCAT-AP catalogue of every published period
// (the profile the Flemish open-data portal harvests), each generated from the
// section registry's CSV definitions. Addresses are relative (to the metadata
// file, and to the catalogue at reports/catalog.jsonld), so the same files
// are right wherever the bucket is served.
import { DATA_LICENCE, PUBLISHER } from '../licence.js';
import { parsePeriod } from '../periods.js';
import { periodLabel } from './labels.js';
import { isIn, SECTIONS } from './sections/index.js';
import type { ColumnMeta, CsvMetadata } from './sections/section.js';

export const CATALOGUE_KEY = 'reports/catalog.jsonld';

/** The metadata file of a CSV file: its name with -metadata.json appended (the CSVW convention). */
export const csvwName = (csv: string) => `${csv}-metadata.json`;

/** Every CSV file the public report publishes, with its header and metadata, in registry order. */
export function publicCsvFiles(): Array<{ name: string; header: readonly string[]; metadata?: CsvMetadata }> {
  return SECTIONS.filter((s) => isIn('public', s)).flatMap((s) => [...s.csvFiles]);
}

const XSD: Record<ColumnMeta['datatype'], string> = { string: 'string', integer: 'integer', double: 'double', date: 'date' };

function column(name: string, meta: ColumnMeta) {
  const constraints = {
    ...(meta.values ? { format: `^(${meta.values.map((v) => v.replace(/[.*+?^$()|[\]\\/]/g, '\\$&')).join('|')})$` } : {}),
    ...(meta.format ? { format: meta.format } : {}),
    ...(meta.minimum !== undefined ? { minimum: meta.minimum } : {}),
    ...(meta.maximum !== undefined ? { maximum: meta.maximum } : {}),
  };
  return {
    name,
    titles: name,
    'dc:description': meta.empty ? `${meta.description} Leeg: ${meta.empty}.` : meta.description,
    datatype: Object.keys(constraints).length ? { base: XSD[meta.datatype], ...constraints } : XSD[meta.datatype],
    // An empty cell is no value: no data, or not applicable (the status column or the description says which).
    null: '',
    ...(meta.unit ? { 'schema:unitText': meta.unit } : {}),
  };
}

/** The CSVW metadata of one public CSV file of a period. */
export function csvwMetadata(file: { name: string; header: readonly string[]; metadata: CsvMetadata }, periodId: string) {
  const missing = file.header.filter((h) => !file.metadata.columns[h]);
  if (missing.length > 0) throw new Error(`${file.name}: no metadata for ${missing.join(', ')}`);
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'nl' }],
    url: file.name,
    'dc:title': `${file.metadata.title}, ${periodLabel(periodId)}`,
    'dc:description': file.metadata.description,
    'dc:temporal': periodId,
    'dc:license': { '@id': DATA_LICENCE.url },
    'dc:publisher': { 'schema:name': PUBLISHER.name },
    dialect: { header: true, delimiter: ',', encoding: 'utf-8', doubleQuote: true, lineTerminators: ['\r\n'] },
    tableSchema: { columns: file.header.map((h) => column(h, file.metadata.columns[h]!)) },
  };
}

/** The metadata files of a period's public report, by name (beside the CSV files they describe). */
export function csvwFiles(periodId: string): Record<string, string> {
  return Object.fromEntries(
    publicCsvFiles().map((f) => {
      if (!f.metadata) throw new Error(`${f.name} is public but has no column metadata`);
      return [csvwName(f.name), `${JSON.stringify(csvwMetadata({ ...f, metadata: f.metadata }, periodId), null, 2)}\n`];
    }),
  );
}

// ---------------------------------------------------------------- DCAT-AP ----

const MEDIA = {
  csv: { mediaType: 'text/csv', format: 'CSV' },
  json: { mediaType: 'application/json', format: 'JSON' },
  html: { mediaType: 'text/html', format: 'HTML' },
  csvw: { mediaType: 'application/csvm+json', format: 'JSON' },
} as const;

function mediaOf(name: string) {
  if (name.endsWith('-metadata.json')) return MEDIA.csvw;
  if (name.endsWith('.csv')) return MEDIA.csv;
  if (name.endsWith('.json')) return MEDIA.json;
  return MEDIA.html;
}

function titleOf(name: string): string {
  const csv = new Map(publicCsvFiles().map((f) => [f.name, f.metadata?.title ?? f.name]));
  if (name === 'index.html') return 'Het rapport (HTML)';
  if (name === 'report.json') return 'Alle cijfers van het rapport (JSON)';
  if (csv.has(name)) return `${csv.get(name)!} (CSV)`;
  const described = name.replace(/-metadata\.json$/, '');
  if (csv.has(described)) return `Beschrijving van ${described} (CSVW)`;
  return name;
}

/** One published period: its files (names beside its index.html) and the newest submission it rests on. */
export interface PublishedPeriod {
  period: string;
  asOf: string | null;
  files: readonly string[];
}

const iri = (id: string) => ({ '@id': id });
const date = (d: string) => ({ '@value': d, '@type': 'xsd:date' });
const nl = (text: string) => ({ '@value': text, '@language': 'nl' });

/** The DCAT-AP catalogue of every published period, one dataset each with a distribution per file. */
export function dcatCatalogue(periods: readonly PublishedPeriod[]) {
  const licence = iri(DATA_LICENCE.url);
  const publisher = { '@id': '#publisher', '@type': 'foaf:Agent', 'foaf:name': PUBLISHER.name };
  const sorted = [...periods].sort(
    (a, b) => parsePeriod(a.period)!.start.localeCompare(parsePeriod(b.period)!.start) || a.period.localeCompare(b.period),
  );
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': 'catalog.jsonld',
    '@type': 'dcat:Catalog',
    'dct:title': nl('Transparantierapporten van de Vlaamse digitale dienstverleningsstrategie'),
    'dct:description': nl(
      'Per periode: hoe de digitale diensten van de Vlaamse overheden scoren op de vijf principes van de digitale dienstverleningsstrategie, welke diensten vernieuwd worden, hoeveel diensten de e-loketten aanbieden en via welke kanalen burgers, ondernemers, verenigingen en lokale besturen ze gebruiken.',
    ),
    'dct:publisher': publisher,
    'dct:license': licence,
    'dct:language': iri('http://publications.europa.eu/resource/authority/language/NLD'),
    'foaf:homepage': iri('index.html'),
    'dcat:dataset': sorted.map(({ period, asOf, files }) => {
      const p = parsePeriod(period)!;
      return {
        '@id': `${period}/#dataset`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `dds-monitor-${period}`,
        'dct:title': nl(`Transparantierapport digitale dienstverlening, ${periodLabel(period)}`),
        'dct:description': nl(
          `De cijfers van ${periodLabel(period)}: alles wat op of voor ${p.end} gedateerd is. Een lege cel is geen gegeven (geen 0); de CSVW-beschrijving naast elk CSV-bestand zegt wat elke kolom bevat.`,
        ),
        'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(p.start), 'dcat:endDate': date(p.end) },
        ...(asOf ? { 'dct:modified': { '@value': asOf, '@type': 'xsd:dateTime' } } : {}),
        'dct:publisher': iri('#publisher'),
        'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': PUBLISHER.name, 'vcard:hasURL': iri('index.html') },
        'dcat:keyword': [nl('digitale dienstverlening'), nl('e-loket'), nl('toegankelijkheid'), nl('digitale inclusie')],
        'dcat:theme': iri('http://publications.europa.eu/resource/authority/data-theme/GOVE'),
        'dct:accessRights': iri('http://publications.europa.eu/resource/authority/access-right/PUBLIC'),
        'dct:license': licence,
        'dcat:landingPage': iri(`${period}/`),
        'dcat:distribution': files.map((name) => {
          const media = mediaOf(name);
          const url = iri(`${period}/${name}`);
          const described = name.endsWith('.csv') && files.includes(csvwName(name));
          return {
            '@id': `${period}/${name}#distribution`,
            '@type': 'dcat:Distribution',
            'dct:title': nl(titleOf(name)),
            'dcat:accessURL': url,
            'dcat:downloadURL': url,
            'dcat:mediaType': iri(`https://www.iana.org/assignments/media-types/${media.mediaType}`),
            'dct:format': iri(`http://publications.europa.eu/resource/authority/file-type/${media.format}`),
            'dct:license': licence,
            ...(described ? { 'dct:conformsTo': iri(`${period}/${csvwName(name)}`) } : {}),
          };
        }),
      };
    }),
  };
}
