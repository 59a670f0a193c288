// An assessment as a spreadsheet for the civil servants who fill it in: the
// assessment's own fields first (one row each: field, value, help), then one
// row per criterion of the catalog (id, Dutch text, answer, explanation,
// plannedBy). Reading it back checks every row with the API's own rules and
// names each bad one by its line, before anything is sent.
import { stringify } from 'csv-stringify/sync';
import { validateAssessment, type AssessmentSubmission } from '../../../shared/domain/assessment.js';
import type { Catalog } from '../../../shared/domain/catalog.js';
import type { Problem } from '../../../shared/domain/problems.js';
import { TARGET_GROUPS } from '../../../shared/domain/vocabulary.js';
import { readAmount, readDate, readWholeNumber, type Reading } from './flemish-numbers.js';
import { CsvSyntaxError, detectSeparator, readCsvRecords, type CsvRecord, type Separator } from './read-csv.js';

export const FIELD_HEADER = ['field', 'value', 'help'] as const;
export const CRITERIA_HEADER = ['criterionId', 'criterion', 'answer', 'explanation', 'plannedBy'] as const;

// The help is Dutch, in plain language: the civil servants who fill in the
// template read it, beside criteria that are Dutch too.
const FIELDS = [
  { name: 'organisationId', help: 'de organisatie; de API-sleutel waarmee u het bestand oplaadt, moet van deze organisatie zijn' },
  { name: 'serviceId', help: 'de dienst binnen de organisatie: kleine letters, cijfers en -' },
  { name: 'catalogVersion', help: 'de versie van de criteria hieronder; niet wijzigen' },
  { name: 'phase', help: 'pre (vóór de dienst gebouwd of vernieuwd wordt: een verwachting) of post (erna: een resultaat)' },
  { name: 'assessedOn', help: 'de datum van de toetsing, als JJJJ-MM-DD (bijvoorbeeld 2026-10-01)' },
  { name: 'serviceName', help: 'de naam van de dienst, zoals de gebruikers hem kennen' },
  { name: 'targetGroups', help: `een of meer van ${TARGET_GROUPS.join(', ')}, gescheiden door komma’s` },
  { name: 'budgetEur', help: 'het budget in euro (mag leeg blijven; boven 500000 is de dienst significant)' },
  { name: 'expectedUsers', help: 'het verwachte aantal gebruikers (mag leeg blijven; boven 100000 is de dienst significant)' },
  { name: 'goLiveOn', help: 'de dag waarop de dienst in gebruik gaat, als JJJJ-MM-DD (mag leeg blijven)' },
  {
    name: 'eloketten',
    help: 'de e-loketten waarin de dienst aangeboden wordt, gescheiden door komma’s (mag leeg blijven), bijvoorbeeld mijn-burgerprofiel',
  },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
const FIELD_NAMES: readonly string[] = FIELDS.map((f) => f.name);
const REQUIRED: readonly FieldName[] = [
  'organisationId',
  'serviceId',
  'catalogVersion',
  'phase',
  'assessedOn',
  'serviceName',
  'targetGroups',
];

export const ANSWER_WORDS = 'ja, nee or nvt (or yes, no, not_applicable)';

/** The template: UTF-8 with a BOM and CRLF, so that Excel opens it as it opens its own files. */
export function assessmentTemplate(o: { organisationId: string; serviceId: string; catalog: Catalog; separator: Separator }): string {
  const prefilled: Partial<Record<FieldName, string>> = {
    organisationId: o.organisationId,
    serviceId: o.serviceId,
    catalogVersion: o.catalog.version,
  };
  const rows: string[][] = [
    [...FIELD_HEADER],
    ...FIELDS.map((f) => [f.name, prefilled[f.name] ?? '', f.help]),
    [],
    [...CRITERIA_HEADER],
    ...o.catalog.criteria.map((c) => [c.id, [c.text, ...c.details].join(' '), '', '', '']),
  ];
  return `\uFEFF${stringify(rows, { delimiter: o.separator, record_delimiter: '\r\n' })}`;
}

export type AssessmentCsvResult =
  | {
      ok: true;
      body: AssessmentSubmission & Record<string, unknown>;
      separator: Separator;
      notes: string[];
      lineOfAnswer: number[];
      lineOfField: Record<string, number>;
    }
  | { ok: false; problems: Problem[]; separator: Separator };

function answerOf(raw: string): 'yes' | 'no' | 'not_applicable' | undefined {
  const word = raw.toLowerCase().replace(/[\s._/-]/g, '');
  if (word === 'ja' || word === 'yes') return 'yes';
  if (word === 'nee' || word === 'no') return 'no';
  if (word === 'nvt' || word === 'na' || word === 'notapplicable') return 'not_applicable';
  return undefined;
}

const list = (raw: string): string[] =>
  raw
    .split(/[,;|]/)
    .map((s) => s.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter((s) => s !== '');

/** Reads a filled-in template and checks it with the API's own rules (`today`: the latest assessedOn the API takes). */
export function readAssessmentCsv(text: string, context: { today: string }): AssessmentCsvResult {
  const separator = detectSeparator(text, [...FIELD_HEADER, ...CRITERIA_HEADER]);
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text, separator);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ok: false, separator, problems: [{ path: 'file', message: err.message }] };
    throw err;
  }
  const problems: Problem[] = [];
  const notes: string[] = [];
  const at = (line: number, what?: string) => `line ${line}${what ? `, ${what}` : ''}`;
  const first = records[0];
  const isHeader = (r: CsvRecord | undefined, name: string) => r?.cells[0]?.toLowerCase() === name.toLowerCase();
  if (!isHeader(first, 'field')) {
    const message = `expected the header ${FIELD_HEADER.join(', ')} (write a template with: npm run dds -- assessment template)`;
    return { ok: false, separator, problems: [{ path: at(first?.line ?? 1), message }] };
  }
  const split = records.findIndex((r) => isHeader(r, 'criterionId'));
  if (split < 0)
    return {
      ok: false,
      separator,
      problems: [{ path: 'file', message: `no criteria: expected a row ${CRITERIA_HEADER.join(', ')} and one row per criterion below it` }],
    };

  // The assessment's own fields.
  const fields = new Map<string, { value: string; line: number }>();
  for (const r of records.slice(1, split)) {
    const name = r.cells[0] ?? '';
    const known = FIELD_NAMES.find((f) => f.toLowerCase() === name.toLowerCase());
    if (!known) problems.push({ path: at(r.line), message: `unknown field "${name}"; the fields are ${FIELD_NAMES.join(', ')}` });
    else if (fields.has(known))
      problems.push({ path: at(r.line), message: `${known} is given twice (first at line ${fields.get(known)!.line})` });
    else fields.set(known, { value: r.cells[1] ?? '', line: r.line });
  }
  for (const f of REQUIRED) {
    const given = fields.get(f);
    if (!given) problems.push({ path: 'fields', message: `the row ${f} is missing` });
    else if (given.value === '')
      problems.push({ path: at(given.line, f), message: `empty: fill it in: ${FIELDS.find((x) => x.name === f)!.help}` });
  }
  const value = (f: FieldName) => {
    const v = fields.get(f)?.value;
    return v === '' ? undefined : v;
  };
  const read = <T>(f: FieldName, reader: (raw: string) => Reading<T>): T | undefined => {
    const raw = value(f);
    if (raw === undefined) return undefined;
    const r = reader(raw);
    const line = fields.get(f)!.line;
    if (!r.ok) {
      problems.push({ path: at(line, f), message: r.message });
      return undefined;
    }
    if (r.note) notes.push(`${at(line, f)}: ${r.note}`);
    return r.value;
  };
  const assessedOn = read('assessedOn', readDate);
  const goLiveOn = read('goLiveOn', readDate);
  const budgetEur = read('budgetEur', readAmount);
  const expectedUsers = read('expectedUsers', readWholeNumber);

  // The criteria.
  const head = records[split]!;
  const col = (name: string) => head.cells.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  const [iId, iAnswer, iExplanation, iPlanned] = [col('criterionId'), col('answer'), col('explanation'), col('plannedBy')];
  if (iAnswer < 0) problems.push({ path: at(head.line), message: 'no column "answer"' });
  const answers: Array<Record<string, string>> = [];
  const lineOfAnswer: number[] = [];
  for (const r of records.slice(split + 1)) {
    const cell = (i: number) => (i < 0 ? '' : (r.cells[i] ?? ''));
    const criterionId = cell(iId);
    const rawAnswer = cell(iAnswer);
    let answer = answerOf(rawAnswer);
    if (!answer) {
      problems.push({
        path: at(r.line, 'answer'),
        message:
          rawAnswer === ''
            ? `${criterionId} is not answered: write ${ANSWER_WORDS}`
            : `"${rawAnswer}" is not an answer: write ${ANSWER_WORDS}`,
      });
      answer = 'yes'; // reported above; a valid stand-in keeps the rules below from reporting the row again
    }
    const a: Record<string, string> = { criterionId, answer };
    if (cell(iExplanation) !== '') a.explanation = cell(iExplanation);
    const rawPlanned = cell(iPlanned);
    if (rawPlanned !== '') {
      const d = readDate(rawPlanned);
      if (!d.ok) problems.push({ path: at(r.line, 'plannedBy'), message: d.message });
      else {
        if (d.note) notes.push(`${at(r.line, 'plannedBy')}: ${d.note}`);
        a.plannedBy = d.value;
      }
    }
    answers.push(a);
    lineOfAnswer.push(r.line);
  }

  const service: Record<string, unknown> = {
    name: value('serviceName'),
    targetGroups: list(value('targetGroups') ?? ''),
    ...(budgetEur !== undefined ? { budgetEur } : {}),
    ...(expectedUsers !== undefined ? { expectedUsers } : {}),
    eloketten: list(value('eloketten') ?? ''),
    ...(goLiveOn !== undefined ? { goLiveOn } : {}),
  };
  const body: Record<string, unknown> = {
    organisationId: value('organisationId'),
    serviceId: value('serviceId'),
    phase: value('phase')?.toLowerCase(),
    catalogVersion: value('catalogVersion'),
    assessedOn,
    service,
    answers,
  };
  // The API's own rules.
  const v = validateAssessment(body, context);
  const lineOfField: Record<string, number> = Object.fromEntries([...fields].map(([k, f]) => [k, f.line]));
  if (!v.ok) {
    const alreadySaid = new Set(problems.map((p) => p.path.replace(/^line \d+, /, '')));
    for (const p of v.problems) {
      const mapped = locate(p, lineOfAnswer, lineOfField);
      // Empty required fields and unreadable cells are reported once, above.
      if (
        mapped.field &&
        (alreadySaid.has(mapped.field) || ((REQUIRED as readonly string[]).includes(mapped.field) && !value(mapped.field as FieldName)))
      )
        continue;
      problems.push({ path: mapped.path, message: mapped.message });
    }
  }
  if (problems.length > 0 || !v.ok) return { ok: false, separator, problems: problems.sort((a, b) => lineNo(a) - lineNo(b)) };

  return { ok: true, separator, notes, lineOfAnswer, lineOfField, body: v.value };
}

const lineNo = (p: Problem): number => (p.path.startsWith('line ') ? Number(/^line (\d+)/.exec(p.path)?.[1]) : Number.MAX_SAFE_INTEGER);

const FIELD_OF_PATH: Record<string, FieldName> = {
  organisationId: 'organisationId',
  serviceId: 'serviceId',
  phase: 'phase',
  catalogVersion: 'catalogVersion',
  assessedOn: 'assessedOn',
  'service.name': 'serviceName',
  'service.targetGroups': 'targetGroups',
  'service.budgetEur': 'budgetEur',
  'service.expectedUsers': 'expectedUsers',
  'service.goLiveOn': 'goLiveOn',
  'service.eloketten': 'eloketten',
};

/**
 * Where an API problem (a JSON path) sits in the file: a field's row or a
 * criterion's row. Used for the local check and for what the API answers.
 */
export function locate(
  p: Problem,
  lineOfAnswer: readonly number[],
  lineOfField: Readonly<Record<string, number>>,
): { path: string; message: string; field?: string } {
  const answer = /^answers\[(\d+)\](?:\.(\w+))?$/.exec(p.path);
  const rewrite = (m: string) => m.replace(/answers\[(\d+)\]/g, (_all, i: string) => `line ${lineOfAnswer[Number(i)] ?? '?'}`);
  if (answer) {
    const line = lineOfAnswer[Number(answer[1])];
    const what = answer[2] === 'criterionId' ? 'criterionId' : answer[2];
    return { path: `line ${line ?? '?'}${what ? `, ${what}` : ''}`, message: rewrite(p.message) };
  }
  if (p.path === 'answers')
    return {
      path: 'criteria',
      message: rewrite(p.message).replace(/is not answered$/, 'has no row: add it (every criterion of the catalog is answered once)'),
    };
  const base = p.path.replace(/\[\d+\]$/, '');
  const field = FIELD_OF_PATH[base];
  if (field) {
    const line = lineOfField[field];
    return { path: line ? `line ${line}, ${field}` : field, message: p.message, field };
  }
  return { path: p.path, message: p.message };
}
