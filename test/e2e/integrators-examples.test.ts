// docs/integrators.md's examples work as they are pasted (issue 11), as the
// README's do: every block marked `<!-- tested -->` runs, in order, against a
// fresh local stack, with the keys the guide has the reader create and the
// maturity themes it has an operator import (its own themas.csv, through the
// CLI's import module); every answer it shows is the answer the API gives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityThemesImport } from '../../infra/cli/commands/maturity-themes-import.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import type { ResourceName } from '../../infra/topology.js';
import { DOC_API, runDocExamples } from '../support/doc-examples.js';
import { testedBlocks } from '../support/readme-examples.js';
import { standIns } from '../support/stand-ins.js';

const blocks = testedBlocks(readFileSync(join(REPO_ROOT, 'docs/integrators.md'), 'utf8'));
const fileBlock = (name: string) => blocks.find((b) => b.kind === 'file' && b.name === name)?.text;

let stack: LocalStack;
const variables: Record<string, string> = { API: DOC_API };

beforeAll(async () => {
  const env = await standIns('integrators');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  // The keys the guide has the reader create, and the themes it has an operator import.
  variables.KEY = (await stack.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  variables.ELOKET_KEY = (await stack.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  variables.COMMITTEE_KEY = (await stack.keys.create({ role: 'steering-committee' })).key;
  const dir = mkdtempSync(join(tmpdir(), 'dds-integrators-'));
  try {
    writeFileSync(join(dir, 'themas.csv'), `${fileBlock('themas.csv') ?? ''}\n`);
    const names = Object.fromEntries((['control'] as const).map((r) => [r, env.name(r)])) as Record<ResourceName, string>;
    await maturityThemesImport({ ddb: env.doc, names }, { file: join(dir, 'themas.csv') }, () => undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the integrators' guide's examples", () => {
  it('are marked: the quick start, plans, decisions, feedback, maturity, reports, errors and idempotency', () => {
    expect(blocks.filter((b) => b.kind === 'commands').length).toBeGreaterThanOrEqual(12);
    expect(blocks.filter((b) => b.kind === 'file').map((b) => (b.kind === 'file' ? b.name : ''))).toEqual([
      'assessment.json',
      'themas.csv',
    ]);
  });

  it('work as they are written, in order, with the answers they show', async () => {
    await runDocExamples('docs/integrators.md', blocks, stack, variables);
  });
});
