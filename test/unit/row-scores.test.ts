// A stored row keeps its answer letters, not its scores and bands: reading
// gives them again from the letters (rowScores), the same as when the row was made.
import { describe, expect, it } from 'vitest';
import { rowScores } from '../../shared/domain/assessment-row.js';
import { reportAssessments, rowOf } from '../support/report-input.js';

describe('a row’s scores from its answer letters', () => {
  const rows = reportAssessments().map(rowOf);

  it('are the scores and bands the row was made with, for every row of the report data set', () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(rowScores(row)).toEqual({ scores: row.scores, bands: row.bands });
  });

  it('are one frozen copy for rows that answered alike, so no row can change another’s', () => {
    const a = rows.find((r) => rows.some((o) => o !== r && o.answerCodes === r.answerCodes));
    const b = rows.find((o) => o !== a && o.answerCodes === a?.answerCodes);
    expect(b).toBeDefined();
    expect(rowScores(a!)).toBe(rowScores({ catalogVersion: b!.catalogVersion, answerCodes: b!.answerCodes }));
    const shared = rowScores(a!);
    expect(() => {
      (shared.scores.SD as { G: number | null }).G = 0;
    }).toThrow(TypeError);
    expect(() => {
      (shared.bands as Record<string, unknown>).SD = {};
    }).toThrow(TypeError);
  });

  it('refuses a row of an unknown catalog rather than scoring it by another', () => {
    expect(() => rowScores({ catalogVersion: '1999-01', answerCodes: 'y' })).toThrow('a row of unknown catalog 1999-01');
  });
});
