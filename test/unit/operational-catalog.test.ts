// The operational-indicator catalog (actions 13 and 16): its first version
// is the seven measures assessments could always carry; later versions only
// add; an import that would change a published version, names an unknown
// criterion or is wrong in any other way is refused with every problem named.
import { describe, expect, it } from 'vitest';
import { AssessmentSubmittedV1, V1_INDICATOR_CATALOG } from '../../events/assessment-submitted.js';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { catalogFor } from '../../shared/domain/catalog.js';
import { importCatalog, type ImportRow } from '../../shared/domain/operational/catalog-import.js';
import {
  allCatalogs,
  catalogAsOf,
  catalogForPeriod,
  FIRST_INDICATOR_CATALOG,
  type IndicatorCatalog,
} from '../../shared/domain/operational/catalogs.js';
import { cachedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { openApiDocument } from '../../shared/adapters/openapi.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { assessment, TODAY } from '../support/fixtures.js';

const COLUMNS = ['id', 'label', 'kind', 'scale', 'better', 'good', 'goodLabel', 'criteria'];
const row = (line: number, cells: Record<string, string>): ImportRow => ({ line, cells });
const statusRow = row(2, { id: 'statusTracking', label: 'Stand van zaken online', kind: 'yesno', criteria: 'GC-G4 BT-G5' });

const second: IndicatorCatalog = {
  version: '2027-01',
  publishedOn: '2027-01-15',
  indicators: [
    ...FIRST_INDICATOR_CATALOG.indicators,
    { id: 'statusTracking', label: 'Stand van zaken online', kind: 'yesno', criteria: ['GC-G4', 'BT-G5'] },
  ],
};

describe('the first version', () => {
  it('is the catalog version of v1 events, and holds exactly their seven measures', () => {
    expect(FIRST_INDICATOR_CATALOG.version).toBe(V1_INDICATOR_CATALOG);
    const v1Measures = AssessmentSubmittedV1.schema.shape.payload.shape.submission.shape.measures.unwrap().shape;
    expect(FIRST_INDICATOR_CATALOG.indicators.map((i) => i.id).sort()).toEqual(Object.keys(v1Measures).sort());
    expect(FIRST_INDICATOR_CATALOG.indicators.map((i) => [i.id, i.kind])).toEqual([
      ['processSteps', 'count'],
      ['notifications', 'yesno'],
      ['plainLanguageLevel', 'level'],
      ['mobileUsable', 'yesno'],
      ['singleSignOn', 'yesno'],
      ['feedbackOption', 'yesno'],
      ['wcagLevel', 'level'],
    ]);
  });

  it('names only criteria of the criteria catalog', () => {
    const known = new Set(catalogFor('2022-07')!.criteria.map((c) => c.id));
    for (const i of FIRST_INDICATOR_CATALOG.indicators) {
      expect(i.criteria.length).toBeGreaterThan(0);
      for (const c of i.criteria) expect(known.has(c), `${i.id}: ${c}`).toBe(true);
    }
  });
});

describe('which version is in force', () => {
  it('is the latest published by the day, the first before any was', () => {
    const catalogs = allCatalogs([second]);
    expect(catalogAsOf(catalogs, '2027-01-14').version).toBe('2026-10');
    expect(catalogAsOf(catalogs, '2027-01-15').version).toBe('2027-01');
    expect(catalogAsOf(catalogs, '2020-01-01').version).toBe('2026-10');
  });

  it('for a period: the one in force at its end, or a later one an assessment of the period names', () => {
    const catalogs = allCatalogs([second]);
    expect(catalogForPeriod(catalogs, '2026-12-31', ['2026-10', undefined]).version).toBe('2026-10');
    expect(catalogForPeriod(catalogs, '2026-12-31', ['2027-01']).version).toBe('2027-01');
    expect(catalogForPeriod(catalogs, '2026-12-31', ['1999-01']).version).toBe('2026-10');
  });
});

describe('importing a new version', () => {
  it('adds the new indicators to every one of the latest version, published today', () => {
    const outcome = importCatalog([statusRow], { stored: [], today: '2027-01-15', columns: COLUMNS });
    expect(outcome).toEqual({ kind: 'new', catalog: second, added: ['statusTracking'] });
  });

  it('accepts a file that repeats published indicators as they are, and names the version as asked', () => {
    const steps = row(2, {
      id: 'processSteps',
      label: 'Aantal processtappen',
      kind: 'count',
      scale: '1-1000',
      criteria: 'GC-G1 DH-G2 DH-G3 GC-I4',
    });
    const lead = row(3, {
      id: 'leadTimeDays',
      label: 'Doorlooptijd in dagen',
      kind: 'count',
      scale: '0 - 365',
      good: '30',
      criteria: 'BT-G5',
    });
    const outcome = importCatalog([steps, lead], { stored: [], today: '2026-12-02', version: '2026-12', columns: COLUMNS });
    expect(outcome.kind).toBe('new');
    if (outcome.kind !== 'new') return;
    expect(outcome.catalog.version).toBe('2026-12');
    expect(outcome.catalog.indicators.at(-1)).toEqual({
      id: 'leadTimeDays',
      label: 'Doorlooptijd in dagen',
      kind: 'count',
      min: 0,
      max: 365,
      good: 30,
      criteria: ['BT-G5'],
    });
    expect(outcome.added).toEqual(['leadTimeDays']);
  });

  it('reads a level scale in order, with the end that is better', () => {
    const outcome = importCatalog(
      [
        row(2, {
          id: 'eidLevel',
          label: 'Betrouwbaarheid aanmelding',
          kind: 'level',
          scale: 'laag|substantieel|hoog',
          better: 'higher',
          good: 'substantieel',
          criteria: 'BT-G4',
        }),
      ],
      { stored: [], today: '2027-02-01', columns: COLUMNS },
    );
    expect(outcome.kind === 'new' && outcome.catalog.indicators.at(-1)).toEqual({
      id: 'eidLevel',
      label: 'Betrouwbaarheid aanmelding',
      kind: 'level',
      scale: ['laag', 'substantieel', 'hoog'],
      better: 'higher',
      good: 'substantieel',
      criteria: ['BT-G4'],
    });
  });

  it('refuses a change to a published indicator, an unknown criterion and every other mistake, all at once', () => {
    const rows = [
      row(2, { id: 'processSteps', label: 'Aantal stappen', kind: 'count', scale: '1-500', criteria: 'GC-G1 DH-G2 DH-G3 GC-I4' }),
      row(3, { id: 'statusTracking', label: 'Stand van zaken', kind: 'yesno', criteria: 'GC-G4 XX-G9 SD-G99' }),
      row(4, { id: 'statusTracking', label: 'Nog eens', kind: 'yesno', criteria: 'GC-G4' }),
      row(5, { id: 'Bad id', label: 'Fout', kind: 'yesno', criteria: 'GC-G4' }),
      row(6, { id: 'taal', label: 'Taal', kind: 'level', scale: 'A|B', better: 'higher', good: 'C', criteria: 'SD-I3' }),
      row(7, { id: 'x', label: 'X', kind: 'percentage', criteria: 'SD-I3' }),
      row(8, { id: 'y', label: 'Y', kind: 'count', scale: 'veel', criteria: 'SD-I3' }),
    ];
    const outcome = importCatalog(rows, { stored: [], today: '2027-01-15', version: '2026-10', columns: COLUMNS });
    expect(outcome).toEqual({
      kind: 'refused',
      problems: [
        {
          line: 2,
          column: 'id',
          message:
            'indicator processSteps is published in version 2026-10 and never changes (this row changes label, max): give a changed indicator a new id',
        },
        {
          line: 3,
          column: 'criteria',
          message: 'unknown criteria XX-G9, SD-G99: write criteria of the criteria catalog 2022-07, e.g. SD-G1',
        },
        { line: 4, column: 'id', message: 'indicator statusTracking is already on line 3: give each indicator one row' },
        {
          line: 5,
          column: 'id',
          message: 'write a letter then letters and digits (camelCase), at most 64, e.g. leadTimeDays (found "Bad id")',
        },
        { line: 6, column: 'good', message: 'write one of the levels A|B: the worst that is still good (found "C")' },
        { line: 7, column: 'kind', message: 'write count, yesno or level (found "percentage")' },
        { line: 8, column: 'scale', message: 'write the lowest and the highest count, e.g. 1-1000 (found "veel")' },
        { message: 'version 2026-10 is published (on 2026-10-01) and never changes: give the new version another --version' },
      ],
    });
  });

  it('checks every cell of every row on its own, and names every problem at once, in words that say what to write', () => {
    const rows = [
      row(2, {
        id: 'taalniveau',
        label: 'Taal',
        kind: 'level',
        scale: 'A1|A2|B1',
        better: 'sideways',
        good: 'C2',
        criteria: 'SD-G1 ZZ-G9',
      }),
      row(3, { id: 'wachtrij', label: 'Wachtrij', kind: 'count', scale: '10-5', criteria: '' }),
      row(4, { id: '', label: '', kind: 'level', scale: 'A', criteria: 'SD-G1 SD-G1' }),
      row(5, {
        id: 'processSteps',
        label: 'Aantal stappen',
        kind: 'count',
        scale: '1-1000',
        good: 'veel',
        criteria: 'GC-G1 DH-G2 DH-G3 GC-I4',
      }),
      row(6, { id: 'kanaal', label: 'Kanaal', kind: 'yesno', scale: '1-2', better: 'higher', good: 'ja', criteria: 'SD-G1' }),
      row(7, { id: 'wachtrij', label: 'Wachtrij', kind: 'telling', scale: '1-5', criteria: 'SD-G1' }),
    ];
    expect(importCatalog(rows, { stored: [], today: '2027-01-15', columns: COLUMNS })).toEqual({
      kind: 'refused',
      problems: [
        { line: 2, column: 'better', message: 'write lower or higher (found "sideways")' },
        { line: 2, column: 'good', message: 'write one of the levels A1|A2|B1: the worst that is still good (found "C2")' },
        { line: 2, column: 'criteria', message: 'unknown criterion ZZ-G9: write criteria of the criteria catalog 2022-07, e.g. SD-G1' },
        { line: 3, column: 'scale', message: 'the scale 10-5 is empty: write it as lowest-highest, e.g. 1-1000' },
        { line: 3, column: 'criteria', message: 'name at least one criterion, e.g. SD-G1' },
        { line: 4, column: 'id', message: 'name the indicator, e.g. leadTimeDays (a letter, then letters and digits)' },
        { line: 4, column: 'label', message: "write the indicator's Dutch name" },
        { line: 4, column: 'scale', message: 'write at least two levels, lowest first, separated by |, e.g. A1|A2|B1 (found "A")' },
        { line: 4, column: 'better', message: 'write lower or higher: the end of the scale that is better' },
        { line: 4, column: 'criteria', message: 'name criterion SD-G1 once' },
        {
          line: 5,
          column: 'good',
          message: 'write a whole number from 1 to 1000, on the scale: the most that is still good (found "veel")',
        },
        {
          line: 5,
          column: 'id',
          message:
            'indicator processSteps is published in version 2026-10 and never changes (this row changes label): give a changed indicator a new id',
        },
        { line: 6, column: 'scale', message: 'leave scale empty: a yes/no indicator has no scale (found "1-2")' },
        { line: 6, column: 'better', message: 'leave better empty: a yes/no indicator is better when yes (found "higher")' },
        { line: 6, column: 'good', message: 'leave good empty: a yes/no indicator is good when yes (found "ja")' },
        { line: 7, column: 'kind', message: 'write count, yesno or level (found "telling")' },
        { line: 7, column: 'id', message: 'indicator wachtrij is already on line 3: give each indicator one row' },
      ],
    });
  });

  it('refuses unknown and missing columns before reading a row', () => {
    const outcome = importCatalog([statusRow], { stored: [], today: '2027-01-15', columns: ['id', 'naam', 'kind', 'criteria'] });
    expect(outcome).toEqual({
      kind: 'refused',
      problems: [
        { line: 1, message: 'unknown column(s) naam; the columns are id, label, kind, scale, better, good, goodLabel, criteria' },
        { line: 1, message: 'missing column(s) label; the columns are id, label, kind, scale, better, good, goodLabel, criteria' },
      ],
    });
  });

  it('refuses a version before the latest, and a file that adds nothing new under a new version', () => {
    expect(importCatalog([statusRow], { stored: [second], today: '2027-03-01', version: '2026-12', columns: COLUMNS })).toMatchObject({
      kind: 'refused',
      problems: [
        { message: 'the file adds no indicator to version 2027-01: nothing to publish' },
        { message: 'version 2026-12 comes before the latest version 2027-01: a new version sorts after every published one' },
      ],
    });
    expect(importCatalog([statusRow], { stored: [second], today: '2027-03-01', version: '2027-03', columns: COLUMNS })).toEqual({
      kind: 'refused',
      problems: [{ message: 'the file adds no indicator to version 2027-01: nothing to publish' }],
    });
  });

  it('refuses a version that is not YYYY-MM or YYYY-MM-DD, or that is later than the month or day of today', () => {
    const withVersion = (version: string) => importCatalog([statusRow], { stored: [], today: '2026-11-26', version, columns: COLUMNS });
    const later = (version: string) => ({
      kind: 'refused',
      problems: [
        {
          message: `version ${version} is after today (2026-11-26): a version is named after the month or day it was agreed, YYYY-MM or YYYY-MM-DD, 2026-11 or 2026-11-26 at the latest`,
        },
      ],
    });
    expect(withVersion('2030-01')).toEqual(later('2030-01'));
    expect(withVersion('2026-12')).toEqual(later('2026-12'));
    expect(withVersion('2026-11-27')).toEqual(later('2026-11-27'));
    expect(withVersion('2026-13')).toEqual({
      kind: 'refused',
      problems: [
        {
          message: 'version "2026-13" is not a catalog version: write YYYY-MM or YYYY-MM-DD, the month or day it was agreed (e.g. 2026-11)',
        },
      ],
    });
    expect(withVersion('2026-11')).toMatchObject({ kind: 'new', catalog: { version: '2026-11', publishedOn: '2026-11-26' } });
    expect(withVersion('2026-11-26')).toMatchObject({ kind: 'new', catalog: { version: '2026-11-26' } });
  });

  it('stores nothing new when the same file comes again', () => {
    expect(importCatalog([statusRow], { stored: [second], today: '2027-03-01', columns: COLUMNS })).toEqual({
      kind: 'unchanged',
      catalog: second,
    });
    expect(importCatalog([statusRow], { stored: [second], today: '2027-03-01', version: '2027-01', columns: COLUMNS }).kind).toBe(
      'unchanged',
    );
  });

  it('takes today as the version when a version of this month is published already', () => {
    const lead = row(2, { id: 'leadTimeDays', label: 'Doorlooptijd', kind: 'count', scale: '0-365', criteria: 'BT-G5' });
    const outcome = importCatalog([lead], { stored: [second], today: '2027-01-20', columns: COLUMNS });
    expect(outcome.kind === 'new' && outcome.catalog.version).toBe('2027-01-20');
  });
});

describe('the OpenAPI document', () => {
  it('serves the catalog to anyone, and documents the version an assessment names', () => {
    const doc = openApiDocument('test') as unknown as {
      paths: Record<string, Record<string, { security: unknown[] }>>;
      components: { schemas: { AssessmentSubmission: { properties: Record<string, unknown> } } };
    };
    expect(doc.paths['/v1/indicator-catalog']!.get!.security).toEqual([]);
    expect(Object.keys(doc.components.schemas.AssessmentSubmission.properties)).toEqual(
      expect.arrayContaining(['indicatorCatalogVersion', 'measures']),
    );
  });
});

describe('measures of an assessment, against the version it names', () => {
  const catalogs = allCatalogs([second]);
  const problems = (over: Record<string, unknown>, today = TODAY) => {
    const v = validateAssessment({ ...assessment(), ...over }, { today, indicatorCatalogs: catalogs });
    return v.ok ? [] : v.problems;
  };

  it('names each unknown indicator and each value outside its scale', () => {
    expect(
      problems({
        indicatorCatalogVersion: '2026-10',
        measures: {
          processSteps: 0,
          wcagLevel: 'AAAA',
          notifications: 'ja',
          colour: 'blauw',
          statusTracking: true,
          plainLanguageLevel: 'B1',
        },
      }),
    ).toEqual([
      { path: 'measures.processSteps', message: 'processSteps is a whole number from 1 to 1000 (indicator catalog 2026-10)' },
      { path: 'measures.wcagLevel', message: 'wcagLevel is one of none, A, AA, AAA (indicator catalog 2026-10)' },
      { path: 'measures.notifications', message: 'notifications is true or false (indicator catalog 2026-10)' },
      { path: 'measures.colour', message: 'unknown indicator colour in indicator catalog 2026-10' },
      {
        path: 'measures.statusTracking',
        message:
          'unknown indicator statusTracking in indicator catalog 2026-10; it is in version 2027-01: name that version in indicatorCatalogVersion',
      },
    ]);
    expect(problems({ measures: { processSteps: 2.5 } })).toEqual([
      { path: 'measures.processSteps', message: 'processSteps is a whole number from 1 to 1000 (indicator catalog 2026-10)' },
    ]);
  });

  it('refuses an unknown version', () => {
    expect(problems({ indicatorCatalogVersion: '2030-01', measures: { processSteps: 3 } })).toEqual([
      { path: 'indicatorCatalogVersion', message: 'unknown indicator catalog version "2030-01" (known: 2026-10, 2027-01)' },
    ]);
  });

  it('takes the version in force today when none is named, and stores it with the measures', () => {
    const before = validateAssessment(
      { ...assessment(), measures: { processSteps: 3 } },
      { today: '2026-12-01', indicatorCatalogs: catalogs },
    );
    expect(before.ok && storedSubmission(before.value)).toMatchObject({
      indicatorCatalogVersion: '2026-10',
      measures: { processSteps: 3 },
    });
    const after = validateAssessment(
      { ...assessment({ assessedOn: '2027-02-01' }), measures: { processSteps: 3, statusTracking: true } },
      { today: '2027-02-01', indicatorCatalogs: catalogs },
    );
    expect(after.ok && storedSubmission(after.value)).toMatchObject({
      indicatorCatalogVersion: '2027-01',
      measures: { processSteps: 3, statusTracking: true },
    });
    // Without measures nothing is named.
    const none = validateAssessment(assessment(), { today: TODAY, indicatorCatalogs: catalogs });
    expect(none.ok && 'indicatorCatalogVersion' in storedSubmission(none.value)).toBe(false);
  });
});

describe('the catalog as the API reads it', () => {
  it('is read again after a minute, when asked to, and after a failed read', async () => {
    let clock = 0;
    let reads = 0;
    let fail = false;
    const cache = cachedIndicatorCatalogs(
      {
        list: async () => {
          reads += 1;
          if (fail) throw new Error('throttled');
          return reads > 1 ? [second] : [];
        },
      },
      { now: () => clock },
    );
    expect((await cache.all()).map((c) => c.version)).toEqual(['2026-10']);
    clock = 60_000;
    expect((await cache.all()).map((c) => c.version)).toEqual(['2026-10']);
    expect(reads).toBe(1);
    clock = 60_001;
    expect((await cache.all()).map((c) => c.version)).toEqual(['2026-10', '2027-01']);
    expect(reads).toBe(2);
    fail = true;
    await expect(cache.all({ fresh: true })).rejects.toThrow('throttled');
    fail = false;
    expect((await cache.all()).map((c) => c.version)).toEqual(['2026-10', '2027-01']);
    expect(reads).toBe(4);
  });
});
