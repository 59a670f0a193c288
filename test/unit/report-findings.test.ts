// The committee's data-quality findings, one rule at a time, each at its
// boundary: what looks wrong in the data rather than in the services.
import { describe, expect, it } from 'vitest';
import { selectAsOf } from '../../shared/domain/as-of.js';
import { assessedOf } from '../../shared/domain/report/assessment-figures.js';
import { dataQualityFindings } from '../../shared/domain/report/findings.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import type { CountRow } from '../../shared/domain/service-counts.js';
import { answers } from '../support/fixtures.js';
import { eloket, row, rowOf, stored } from '../support/report-input.js';

const AT = '2026-10-01T00:00:00.000Z';
const Q3 = parsePeriod('2026-Q3')!;

/** One e-loket with the given rows per quarter. */
const history = (quarters: Record<string, CountRow[]>) =>
  eloket(
    'e1',
    'Loket Eén',
    true,
    Object.entries(quarters).map(([q, rows]) => [q, rows, AT]),
  );
const codes = (findings: ReturnType<typeof dataQualityFindings>) => findings.map((f) => f.code);

describe('services dropped to zero', () => {
  it('is an error when the services offered fall from some to none since the previous period', () => {
    expect(dataQualityFindings('2026-Q3', [history({ '2026-Q2': [row('A', 3)], '2026-Q3': [row('A', 0)] })], [])).toEqual([
      {
        severity: 'error',
        code: 'services-dropped-to-zero',
        subject: 'e1',
        message: 'Loket Eén: het aantal aangeboden diensten zakt van 3 in 2026-Q2 naar 0 in 2026-Q3.',
      },
    ]);
  });

  it('is nothing when there were none before, some remain, or the previous period has no data', () => {
    expect(dataQualityFindings('2026-Q3', [history({ '2026-Q2': [row('A', 0)], '2026-Q3': [row('A', 0)] })], [])).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [history({ '2026-Q2': [row('A', 3)], '2026-Q3': [row('A', 1)] })], [])).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [history({ '2026-Q1': [row('A', 3)], '2026-Q3': [row('A', 0)] })], [])).toEqual([]);
  });
});

describe('a volume jump', () => {
  it('is a warning when the interactions grow more than tenfold', () => {
    const f = dataQualityFindings(
      '2026-Q3',
      [history({ '2026-Q2': [row('A', 1, { click: 60, call: 40 })], '2026-Q3': [row('A', 1, { click: 1001 })] })],
      [],
    );
    expect(f).toEqual([
      {
        severity: 'warning',
        code: 'volume-jump',
        subject: 'e1',
        message: 'Loket Eén: het aantal interacties verandert meer dan tienvoudig, van 100 in 2026-Q2 naar 1001 in 2026-Q3.',
      },
    ]);
  });

  it('is a warning when they shrink more than tenfold too', () => {
    expect(
      codes(
        dataQualityFindings(
          '2026-Q3',
          [history({ '2026-Q2': [row('A', 1, { other: 1001 })], '2026-Q3': [row('A', 1, { connect: 100 })] })],
          [],
        ),
      ),
    ).toEqual(['volume-jump']);
  });

  it('is nothing at exactly tenfold, from or to zero, or without volumes', () => {
    expect(
      dataQualityFindings(
        '2026-Q3',
        [history({ '2026-Q2': [row('A', 1, { click: 100 })], '2026-Q3': [row('A', 1, { click: 1000 })] })],
        [],
      ),
    ).toEqual([]);
    expect(
      dataQualityFindings('2026-Q3', [history({ '2026-Q2': [row('A', 1, { click: 0 })], '2026-Q3': [row('A', 1, { click: 1000 })] })], []),
    ).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [history({ '2026-Q2': [row('A', 1)], '2026-Q3': [row('A', 1, { click: 1000 })] })], [])).toEqual(
      [],
    );
  });
});

describe('counts unchanged', () => {
  const same = [row('A', 5, { click: 10, call: 2 })];

  it('is a notice when four periods running carry exactly the same figures', () => {
    expect(dataQualityFindings('2026-Q3', [history({ '2025-Q4': same, '2026-Q1': same, '2026-Q2': same, '2026-Q3': same })], [])).toEqual([
      {
        severity: 'notice',
        code: 'counts-unchanged',
        subject: 'e1',
        message: 'Loket Eén: de cijfers zijn vier periodes na elkaar exact dezelfde (2025-Q4 tot 2026-Q3); zijn ze bijgewerkt?',
      },
    ]);
  });

  it('is nothing when one of the four is missing, or one channel differs', () => {
    expect(dataQualityFindings('2026-Q3', [history({ '2025-Q3': same, '2026-Q1': same, '2026-Q2': same, '2026-Q3': same })], [])).toEqual(
      [],
    );
    const otherCall = [row('A', 5, { click: 10, call: 3 })];
    expect(
      dataQualityFindings('2026-Q3', [history({ '2025-Q4': otherCall, '2026-Q1': same, '2026-Q2': same, '2026-Q3': same })], []),
    ).toEqual([]);
    const otherCount = [row('A', 6, { click: 10, call: 2 })];
    expect(
      dataQualityFindings('2026-Q3', [history({ '2025-Q4': same, '2026-Q1': otherCount, '2026-Q2': same, '2026-Q3': same })], []),
    ).toEqual([]);
  });
});

describe('a post below its pre', () => {
  const service = (pre: Parameters<typeof answers>[0] | null, post: Parameters<typeof answers>[0] | null) =>
    assessedOf(
      selectAsOf(
        Q3.end,
        [
          ...(pre
            ? [
                stored('p1', AT, {
                  organisationId: 'OVO9',
                  serviceId: 'svc',
                  phase: 'pre',
                  assessedOn: '2026-01-10',
                  answers: answers(pre),
                }),
              ]
            : []),
          ...(post
            ? [
                stored('p2', AT, {
                  organisationId: 'OVO9',
                  serviceId: 'svc',
                  phase: 'post',
                  assessedOn: '2026-07-10',
                  answers: answers(post),
                }),
              ]
            : []),
        ].map(rowOf),
      ).services,
    );

  it('is a warning with both scores, rounded to whole percents', () => {
    // 45 of 52 is 86.5 %: rounded, not cut off.
    const sevenNo = Object.fromEntries(['SD-G1', 'SD-G2', 'SD-G3', 'SD-G4', 'SD-G5', 'SD-G6', 'SD-I1'].map((id) => [id, 'no' as const]));
    expect(dataQualityFindings('2026-Q3', [], service({}, sevenNo))).toEqual([
      {
        severity: 'warning',
        code: 'post-below-pre',
        subject: 'OVO9/svc',
        message: 'Omgevingsvergunning aanvragen (OVO9): de toetsing na de vernieuwing (87 %) scoort lager dan die ervoor (100 %).',
      },
    ]);
  });

  it('is nothing when the post scores the same or better, or either is missing or not applicable', () => {
    expect(dataQualityFindings('2026-Q3', [], service({ 'SD-G1': 'no' }, { 'SD-G2': 'no' }))).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [], service({ 'SD-G1': 'no' }, {}))).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [], service({}, null))).toEqual([]);
    const allNa = Object.fromEntries(answers().map((a) => [a.criterionId, 'not_applicable' as const]));
    expect(dataQualityFindings('2026-Q3', [], service({}, allNa)).map((f) => f.code)).toEqual(['many-not-applicable']);
  });
});

describe('a high share of not applicable', () => {
  const ids = answers().map((a) => a.criterionId);
  const na = (n: number) => Object.fromEntries(ids.slice(0, n).map((id) => [id, 'not_applicable' as const]));
  const service = (pre: Parameters<typeof answers>[0]) =>
    assessedOf(
      selectAsOf(Q3.end, [
        rowOf(
          stored('n1', AT, { organisationId: 'OVO9', serviceId: 'svc', phase: 'pre', assessedOn: '2026-01-10', answers: answers(pre) }),
        ),
      ]).services,
    );

  it('is a warning above 25 % of the answers (13 of 52 is exactly 25 %: no warning)', () => {
    expect(dataQualityFindings('2026-Q3', [], service(na(13)))).toEqual([]);
    expect(dataQualityFindings('2026-Q3', [], service(na(14)))).toEqual([
      {
        severity: 'warning',
        code: 'many-not-applicable',
        subject: 'OVO9/svc/pre',
        message:
          'Omgevingsvergunning aanvragen (OVO9): 14 van de 52 criteria zijn als niet van toepassing beantwoord in de toetsing vóór de vernieuwing (27 %); kijk de toelichtingen na.',
      },
    ]);
  });
});

describe('the order of the findings', () => {
  it('puts the most severe first, then by kind and subject', () => {
    const dropped = (id: string) =>
      eloket(id, id, true, [
        ['2026-Q2', [row('A', 3, { click: 1 })], AT],
        ['2026-Q3', [row('A', 0, { click: 100 })], AT],
      ]);
    const unchanged = eloket(
      'a-first',
      'a-first',
      true,
      ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((q) => [q, [row('A', 1)], AT]),
    );
    const f = dataQualityFindings('2026-Q3', [unchanged, dropped('z'), dropped('b')], []);
    expect(f.map((x) => [x.severity, x.code, x.subject])).toEqual([
      ['error', 'services-dropped-to-zero', 'b'],
      ['error', 'services-dropped-to-zero', 'z'],
      ['warning', 'volume-jump', 'b'],
      ['warning', 'volume-jump', 'z'],
      ['notice', 'counts-unchanged', 'a-first'],
    ]);
  });
});
