// The selection keeps rows compacted (shared/domain/compact-rows.ts): each
// row stays equal to the one read, key for key, what rows hold alike is one
// shared, frozen value, and the reports built from compacted rows are the
// same bytes as from the rows as read.
import { describe, expect, it } from 'vitest';
import { selectAsOf } from '../../shared/domain/as-of.js';
import { RowCompactor } from '../../shared/domain/compact-rows.js';
import { jsonChunks } from '../../shared/domain/report/json-chunks.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { historyOf, reportAssessments, reportInput, rowOf } from '../support/report-input.js';

/** Rows as the document client gives them: every value a copy of its own. */
const asRead = () => reportAssessments().map((a) => JSON.parse(JSON.stringify(rowOf(a))) as ReturnType<typeof rowOf>);

describe('compacted rows', () => {
  it('are equal to the rows read, with their keys in the same order', () => {
    const c = new RowCompactor();
    for (const row of asRead()) expect(JSON.stringify(c.compact(row))).toBe(JSON.stringify(row));
    const withMeasures = { ...asRead()[0]!, indicatorCatalogVersion: '2026-10', measures: { processSteps: 9, wcagLevel: 'AA' } };
    expect(c.compact(withMeasures)).toStrictEqual(withMeasures);
  });

  it('share what rows hold alike, frozen', () => {
    const c = new RowCompactor();
    const [a, b] = [asRead()[0]!, asRead()[0]!].map((r) => c.compact(r));
    expect(a).not.toBe(b);
    expect(a!.bands.all).toBe(b!.bands.all);
    expect(a!.scores.SD).toBe(b!.scores.SD);
    expect(a!.unmet).toBe(b!.unmet);
    expect(a!.service.targetGroups).toBe(b!.service.targetGroups);
    expect(Object.isFrozen(a!.bands.all)).toBe(true);
    expect(Object.isFrozen(a!.service.targetGroups)).toBe(true);
    expect(() => (a!.unmet as string[]).push('SD-G1')).toThrow(TypeError);
  });

  it('give reports of the same bytes as the rows read', () => {
    for (const periodId of ['2026-Q3', '2026']) {
      const end = periodId === '2026' ? '2026-12-31' : '2026-09-30';
      const c = new RowCompactor();
      const compacted = asRead().map((r) => c.compact(r));
      const fromRead = buildReports(reportInput({ periodId }));
      const fromCompacted = buildReports({
        ...reportInput({ periodId, indicatorHistory: historyOf(compacted, end) }),
        selection: selectAsOf(end, compacted),
      });
      for (const audience of ['public', 'committee'] as const) {
        const [x, y] = [fromRead[audience], fromCompacted[audience]];
        expect([...jsonChunks(y.json)].join('')).toBe([...jsonChunks(x.json)].join(''));
        expect(reportPage(y)).toBe(reportPage(x));
        const files = (r: typeof x) => r.sections.flatMap((s) => s.files(r.page)).map((f) => [f.name, f.body]);
        expect(files(y)).toEqual(files(x));
      }
    }
  });
});
