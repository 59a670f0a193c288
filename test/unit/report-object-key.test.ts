import { describe, expect, it } from 'vitest';
import { reportObjectKey } from '../../shared/use-cases/report-files.js';

const committeeObjectKey = (path: string) => reportObjectKey('committee', path);

describe('report file paths', () => {
  it('maps a folder to its index.html and a file to itself, under committee/', () => {
    expect(committeeObjectKey('2026-Q3/')).toBe('committee/2026-Q3/index.html');
    expect(committeeObjectKey('2026-Q3/explanations.csv')).toBe('committee/2026-Q3/explanations.csv');
  });

  it('refuses anything that could leave the folder or is not a plain path', () => {
    expect(committeeObjectKey('../reports/index.html')).toBeNull();
    expect(committeeObjectKey('2026-Q3/./x')).toBeNull();
    expect(committeeObjectKey('2026-Q3/%2e%2e/x')).toBeNull();
    expect(committeeObjectKey('2026-Q3/<x>')).toBeNull();
  });

  it('reads the public reports under reports/ by the same rules', () => {
    expect(reportObjectKey('reports', '')).toBe('reports/index.html');
    expect(reportObjectKey('reports', 'latest/kanalen.csv')).toBe('reports/latest/kanalen.csv');
    expect(reportObjectKey('reports', '../committee/2026-Q3/index.html')).toBeNull();
  });
});
