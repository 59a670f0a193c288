import { describe, expect, it } from 'vitest';
import { committeeObjectKey } from '../../functions/committee-reports/committee-reports.js';

describe('committee report paths', () => {
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
});
