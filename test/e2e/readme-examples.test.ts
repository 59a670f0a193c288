// The README's examples work as they are pasted (issue 14): every block marked
// `<!-- tested -->` runs, in order, against a fresh local stack, with the keys
// the README tells a reader to create; every answer the README shows is the
// answer the API gives (test/support/readme-examples.ts says how they are read).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { curlRequest, expectation, mismatch, rebase, shellCommands, testedBlocks, type CurlRequest } from '../support/readme-examples.js';
import { standIns } from '../support/stand-ins.js';

/** The address the README's examples name, which the test's stack stands in for. */
const README_API = 'http://127.0.0.1:3000';

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

interface Answer {
  request: CurlRequest;
  status: number;
  text: string;
}

async function run(request: CurlRequest): Promise<Answer> {
  const url = request.url.startsWith(README_API) ? stack.apiUrl + request.url.slice(README_API.length) : request.url;
  if (!url.startsWith(stack.apiUrl)) throw new Error(`the README's example calls ${request.url}, not the local API`);
  const res = await fetch(url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { request, status: res.status, text: await res.text() };
}

const json = (a: Answer): unknown => {
  try {
    return JSON.parse(a.text);
  } catch {
    throw new Error(`${a.request.method} ${a.request.url} answered ${a.status} with no JSON: ${a.text.slice(0, 200)}`);
  }
};

describe("the README's examples", () => {
  const blocks = testedBlocks(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));

  it('are marked: the assessment, counts, the committee, its reports and their status', () => {
    expect(blocks.filter((b) => b.kind === 'commands').length).toBeGreaterThanOrEqual(6);
    expect(blocks.filter((b) => b.kind === 'answer').length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.kind === 'file').map((b) => (b.kind === 'file' ? b.name : ''))).toEqual(['assessment.json']);
  });

  it('work as they are written, in order, with the answers they show', async () => {
    const files = new Map<string, string>();
    let last: Answer | undefined;
    const variable = (name: string) => {
      const v = variables[name];
      if (v === undefined) throw new Error(`the README uses $${name}, which the test does not know`);
      return v;
    };
    for (const block of blocks) {
      const where = `README line ${block.line}`;
      if (block.kind === 'file') files.set(block.name, `${block.text}\n`);
      else if (block.kind === 'commands') {
        for (const command of shellCommands(block.text, variable)) {
          last = await run(curlRequest(command.words, files));
          const said = command.comments.map(expectation).find((e) => e !== null);
          if (said) {
            expect(last.status, `${where}: ${command.words.join(' ')}\n${last.text.slice(0, 500)}`).toBe(said.status);
            if (said.answer !== undefined) expect(mismatch(json(last), rebase(said.answer, README_API, stack.apiUrl)), where).toBeNull();
          } else expect(last.status, `${where}: ${command.words.join(' ')}\n${last.text.slice(0, 500)}`).toBeLessThan(300);
          // The reader takes the report's id from the answer of POST /v1/reports.
          if (last.request.method === 'POST' && last.request.url.endsWith('/v1/reports'))
            variables.REPORT_ID = (json(last) as { reportId: string }).reportId;
        }
      } else {
        if (!last) throw new Error(`${where}: an answer with no command before it`);
        const expected = rebase(JSON.parse(block.text) as unknown, README_API, stack.apiUrl);
        // A report is published a moment after it is asked for: ask again until it is so (as a reader would).
        const deadline = Date.now() + (block.eventually ? 60_000 : 0);
        let differs = mismatch(json(last), expected);
        while (differs && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          last = await run(last.request);
          differs = mismatch(json(last), expected);
        }
        expect(differs, `${where}: ${last.request.method} ${last.request.url}`).toBeNull();
      }
    }
  });
});
