// What a function's bundle leaves out because it never uses it (design §7,
// cold start; docs/performance.md): every module in a bundle is compiled, and
// its module-level code run, at each cold start.
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS } from '../../infra/bundling.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';

async function inputsOf(entry: string): Promise<string[]> {
  const built = await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, entry)],
    write: false,
    outfile: 'out.mjs',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(built.metafile.inputs);
}

describe('bundles hold what their function uses', () => {
  it('requestReport: not the report domain that publishing needs', async () => {
    const inputs = await inputsOf('functions/request-report/handler.ts');
    expect(inputs).toContain('shared/use-cases/period-ended.ts');
    expect(inputs.filter((p) => p.startsWith('shared/domain/report/') || p === 'shared/use-cases/publish-reports.ts')).toEqual([]);
  });

  it('committeeReports: its two pages, not the report sections or the criteria catalog', async () => {
    const inputs = await inputsOf('functions/committee-reports/handler.ts');
    expect(inputs).toContain('shared/domain/report/committee-pages.ts');
    expect(inputs.filter((p) => /^shared\/domain\/(report\/(pages|sections\/)|catalog)/.test(p))).toEqual([]);
  });

  it('submitPlan and ingestServiceCounts: not the assessment’s validation', async () => {
    for (const entry of ['functions/submit-plan/handler.ts', 'functions/ingest-service-counts/handler.ts']) {
      const inputs = await inputsOf(entry);
      expect(inputs).toContain('shared/use-cases/idempotent-submission.ts');
      expect(inputs.filter((p) => p === 'shared/domain/assessment.ts' || p === 'shared/use-cases/submit-assessment.ts')).toEqual([]);
    }
  });
});
