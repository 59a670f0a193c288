// The README's examples work as they are pasted (issue 14): every block marked
// `<!-- tested -->` runs, in order, against a fresh local stack, with the keys
// the README tells a reader to create; every answer the README shows is the
// answer the API gives (test/support/readme-examples.ts says how they are read,
// test/support/doc-examples.ts how they are run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { runDocExamples } from '../support/doc-examples.js';
import { testedBlocks } from '../support/readme-examples.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
const variables: Record<string, string> = {};

beforeAll(async () => {
  const env = await standIns('readme');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  // The keys the README has the reader create.
  variables.KEY = (await stack.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  variables.ELOKET_KEY = (await stack.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  variables.COMMITTEE_KEY = (await stack.keys.create({ role: 'steering-committee' })).key;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the README's examples", () => {
  const blocks = testedBlocks(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));

  it('are marked: the assessment, counts, the committee, its reports and their status', () => {
    expect(blocks.filter((b) => b.kind === 'commands').length).toBeGreaterThanOrEqual(6);
    expect(blocks.filter((b) => b.kind === 'answer').length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.kind === 'file').map((b) => (b.kind === 'file' ? b.name : ''))).toEqual(['assessment.json']);
  });

  it('work as they are written, in order, with the answers they show', async () => {
    await runDocExamples('README', blocks, stack, variables);
  });
});
