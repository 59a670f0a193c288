// The assessment spreadsheet: the template civil servants fill in, and reading
// it back with every bad line named (infra/cli/csv/assessment-csv.ts).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { assessmentTemplate, readAssessmentCsv } from '../../infra/cli/csv/assessment-csv.js';
import { CATALOGS } from '../../shared/domain/catalog.js';
import { TODAY } from '../support/fixtures.js';

const CATALOG = CATALOGS['2022-07']!;
const FIELDS_LINES = 12; // header + 11 fields; then an empty line, then the criteria header on line 14

/** A filled-in template as a Belgian Excel saves it: ";", BOM, CRLF, every row padded to five cells. */
function filled(
  o: { fields?: Record<string, string>; answers?: Record<string, [string, string?, string?]>; drop?: string[] } = {},
): string {
  const fields: Record<string, string> = {
    organisationId: 'OVO000123',
    serviceId: 'omgevingsvergunning',
    catalogVersion: '2022-07',
    phase: 'pre',
    assessedOn: '1/10/2026',
    serviceName: 'Omgevingsvergunning aanvragen',
    targetGroups: 'burgers, ondernemers',
    budgetEur: '€ 750.000',
    expectedUsers: '90.000',
    goLiveOn: '',
    eloketten: 'mijn-burgerprofiel',
    ...o.fields,
  };
  const rows = [
    ['field', 'value', 'help', '', ''],
    ...Object.entries(fields).map(([k, v]) => [k, v, 'help', '', '']),
    ['', '', '', '', ''],
    ['criterionId', 'criterion', 'answer', 'explanation', 'plannedBy'],
    ...CATALOG.criteria
      .filter((c) => !o.drop?.includes(c.id))
      .map((c) => {
        const [answer, explanation, plannedBy] = o.answers?.[c.id] ?? ['ja'];
        return [c.id, c.text, answer, explanation ?? '', plannedBy ?? ''];
      }),
  ];
  return `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`;
}
const lineOf = (id: string) => FIELDS_LINES + 3 + CATALOG.criteria.findIndex((c) => c.id === id);

describe('the assessment template', () => {
  it('has the fields first, then one row per criterion with its Dutch text, as Excel in a Belgian locale opens it', () => {
    const csv = assessmentTemplate({ organisationId: 'OVO000123', serviceId: 'omgevingsvergunning', catalog: CATALOG, separator: ';' });
    expect(csv.startsWith('\uFEFFfield;value;help\r\norganisationId;OVO000123;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.map((l) => l.split(';')[0])).toEqual([
      'field',
      'organisationId',
      'serviceId',
      'catalogVersion',
      'phase',
      'assessedOn',
      'serviceName',
      'targetGroups',
      'budgetEur',
      'expectedUsers',
      'goLiveOn',
      'eloketten',
      '',
      'criterionId',
      ...CATALOG.criteria.map((c) => c.id),
      '',
    ]);
    expect(lines[3]).toBe('catalogVersion;2022-07;"de versie van de criteria hieronder; niet wijzigen"');
    expect(lines[14]).toBe('SD-G1;De zaken waarvoor ik vroeger een fysieke afspraak moest maken, kan ik nu volledig online regelen.;;;');
  });

  it('helps the civil servant in Dutch, plain language, for every field', () => {
    const csv = assessmentTemplate({ organisationId: 'OVO000123', serviceId: 'omgevingsvergunning', catalog: CATALOG, separator: ';' });
    const rows = parse(csv.slice(1), { delimiter: ';', relax_column_count: true }) as string[][];
    expect(rows.slice(1, FIELDS_LINES).map(([field, , help]) => [field, help])).toEqual([
      ['organisationId', 'de organisatie; de API-sleutel waarmee u het bestand oplaadt, moet van deze organisatie zijn'],
      ['serviceId', 'de dienst binnen de organisatie: kleine letters, cijfers en -'],
      ['catalogVersion', 'de versie van de criteria hieronder; niet wijzigen'],
      ['phase', 'pre (vóór de dienst gebouwd of vernieuwd wordt: een verwachting) of post (erna: een resultaat)'],
      ['assessedOn', 'de datum van de toetsing, als JJJJ-MM-DD (bijvoorbeeld 2026-10-01)'],
      ['serviceName', 'de naam van de dienst, zoals de gebruikers hem kennen'],
      ['targetGroups', 'een of meer van burgers, ondernemers, verenigingen, lokale-besturen, gescheiden door komma’s'],
      ['budgetEur', 'het budget in euro (mag leeg blijven; boven 500000 is de dienst significant)'],
      ['expectedUsers', 'het verwachte aantal gebruikers (mag leeg blijven; boven 100000 is de dienst significant)'],
      ['goLiveOn', 'de dag waarop de dienst in gebruik gaat, als JJJJ-MM-DD (mag leeg blijven)'],
      [
        'eloketten',
        'de e-loketten waarin de dienst aangeboden wordt, gescheiden door komma’s (mag leeg blijven), bijvoorbeeld mijn-burgerprofiel',
      ],
    ]);
  });

  it('reads back, untouched but for the blanks, into the empty-answers problems only', () => {
    const csv = assessmentTemplate({ organisationId: 'OVO000123', serviceId: 'omgevingsvergunning', catalog: CATALOG, separator: ',' });
    const r = readAssessmentCsv(csv, { today: TODAY });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(4 + 52);
    expect(problems[0]).toEqual({
      path: 'line 5, phase',
      message: 'empty: fill it in: pre (vóór de dienst gebouwd of vernieuwd wordt: een verwachting) of post (erna: een resultaat)',
    });
    expect(problems[4]).toEqual({
      path: 'line 15, answer',
      message: 'SD-G1 is not answered: write ja, nee or nvt (or yes, no, not_applicable)',
    });
  });
});

describe('reading a filled-in assessment', () => {
  it('gives the API body: Dutch answers, Flemish numbers and Belgian dates read, and says how', () => {
    const r = readAssessmentCsv(
      filled({
        answers: {
          'SD-G2': ['nee', 'Papieren aanvraag blijft nodig tot 2027.', '30/06/2027'],
          'BT-I1': ['NVT', 'Geen persoonsgegevens in deze dienst.'],
          'GC-G1': ['yes'],
        },
      }),
      { today: TODAY },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.separator).toBe(';');
    expect(r.notes).toEqual([
      'line 6, assessedOn: "1/10/2026" read as 2026-10-01 (day/month/year)',
      'line 9, budgetEur: "€ 750.000" read as 750000 (Flemish notation)',
      'line 10, expectedUsers: "90.000" read as 90000 (Flemish notation)',
      `line ${lineOf('SD-G2')}, plannedBy: "30/06/2027" read as 2027-06-30 (day/month/year)`,
    ]);
    expect({ ...r.body, answers: undefined }).toEqual({
      organisationId: 'OVO000123',
      serviceId: 'omgevingsvergunning',
      phase: 'pre',
      catalogVersion: '2022-07',
      assessedOn: '2026-10-01',
      service: {
        name: 'Omgevingsvergunning aanvragen',
        targetGroups: ['burgers', 'ondernemers'],
        budgetEur: 750000,
        expectedUsers: 90000,
        eloketten: ['mijn-burgerprofiel'],
      },
      answers: undefined,
    });
    expect(r.body.answers).toHaveLength(52);
    expect(r.body.answers[0]).toEqual({ criterionId: 'SD-G1', answer: 'yes' });
    expect(r.body.answers[1]).toEqual({
      criterionId: 'SD-G2',
      answer: 'no',
      explanation: 'Papieren aanvraag blijft nodig tot 2027.',
      plannedBy: '2027-06-30',
    });
    expect(r.body.answers.find((a) => a.criterionId === 'BT-I1')).toEqual({
      criterionId: 'BT-I1',
      answer: 'not_applicable',
      explanation: 'Geen persoonsgegevens in deze dienst.',
    });
  });

  it('sends goLiveOn only when it is filled in', () => {
    const without = readAssessmentCsv(filled(), { today: TODAY });
    const withIt = readAssessmentCsv(filled({ fields: { goLiveOn: '2027-03-01' } }), { today: TODAY });
    if (!without.ok || !withIt.ok) throw new Error('refused');
    expect('goLiveOn' in without.body.service).toBe(false);
    expect((withIt.body.service as Record<string, unknown>).goLiveOn).toBe('2027-03-01');
  });

  it('names every bad line once, in line order, and what to write', () => {
    const r = readAssessmentCsv(
      filled({
        fields: { phase: 'voor', assessedOn: '2026/10/01', targetGroups: 'burgers, studenten', budgetEur: '750,000' },
        answers: { 'SD-G1': ['misschien'], 'SD-G2': ['nee'], 'SD-G3': ['ja', '', 'morgen'] },
        drop: ['BT-I4'],
      }),
      { today: TODAY },
    );
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'line 5, phase', message: 'write one of: pre, post' },
      { path: 'line 6, assessedOn', message: '"2026/10/01" is not a date: write it as YYYY-MM-DD (for example 2026-10-01)' },
      { path: 'line 8, targetGroups', message: 'write one of: burgers, ondernemers, verenigingen, lokale-besturen' },
      {
        path: 'line 9, budgetEur',
        message:
          '"750,000" is ambiguous: 750000 (comma as thousands separator) or 750 (decimal comma)? write 750000 or 750 without thousands separators',
      },
      {
        path: `line ${lineOf('SD-G1')}, answer`,
        message: '"misschien" is not an answer: write ja, nee or nvt (or yes, no, not_applicable)',
      },
      { path: `line ${lineOf('SD-G2')}, explanation`, message: 'criterion SD-G2 is not met: explain why (comply or explain)' },
      { path: `line ${lineOf('SD-G3')}, plannedBy`, message: '"morgen" is not a date: write it as YYYY-MM-DD (for example 2026-10-01)' },
      { path: 'criteria', message: 'criterion BT-I4 has no row: add it (every criterion of the catalog is answered once)' },
    ]);
  });

  it('names unknown and repeated rows', () => {
    const csv = filled({ fields: { dienst: 'x' } }).replace('SD-G2;', 'SD-G1;');
    const r = readAssessmentCsv(csv, { today: TODAY });
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: 'line 13',
        message:
          'unknown field "dienst"; the fields are organisationId, serviceId, catalogVersion, phase, assessedOn, serviceName, targetGroups, budgetEur, expectedUsers, goLiveOn, eloketten',
      },
      {
        path: `line ${lineOf('SD-G2') + 1}, criterionId`,
        message: `criterion SD-G1 is answered more than once (first at line ${lineOf('SD-G1') + 1})`,
      },
      { path: 'criteria', message: 'criterion SD-G2 has no row: add it (every criterion of the catalog is answered once)' },
    ]);
  });

  it('refuses a file that is not an assessment template', () => {
    const r = readAssessmentCsv('organisationId;targetGroup\r\nOVO1;burgers\r\n', { today: TODAY });
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'line 1', message: 'expected the header field, value, help (write a template with: npm run dds -- assessment template)' },
    ]);
  });
});
