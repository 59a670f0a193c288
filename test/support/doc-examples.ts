// Runs a Markdown document's tested examples (see readme-examples.ts for the
// markers) against a local stack, in order, as a reader pastes them: every
// curl command's status is the one its comment shows (else under 300), and
// every answer shown is the answer the API gives.
import { expect } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack.js';
import { curlRequest, expectation, mismatch, rebase, shellCommands, type Block, type CurlRequest } from './readme-examples.js';

/** The address the documents' examples name, which the test's stack stands in for. */
export const DOC_API = 'http://127.0.0.1:3000';

/** The ids a reader takes from an answer for later commands: POST path → field → variable. */
const TAKEN: Record<string, Record<string, string>> = {
  '/v1/reports': { reportId: 'REPORT_ID' },
  '/v1/assessments': { assessmentId: 'ASSESSMENT_ID' },
};

interface Answer {
  request: CurlRequest;
  status: number;
  text: string;
}

async function run(stack: LocalStack, request: CurlRequest): Promise<Answer> {
  const url = request.url.startsWith(DOC_API) ? stack.apiUrl + request.url.slice(DOC_API.length) : request.url;
  if (!url.startsWith(stack.apiUrl)) throw new Error(`the example calls ${request.url}, not the local API`);
  const res = await fetch(url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    // As curl does without -L: a 303 is the answer.
    redirect: 'manual',
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

/** Runs `blocks` of document `doc` (its name, for messages) with the keys and other `variables` a reader has set. */
export async function runDocExamples(doc: string, blocks: readonly Block[], stack: LocalStack, variables: Record<string, string>) {
  const files = new Map<string, string>();
  let last: Answer | undefined;
  const variable = (name: string) => {
    const v = variables[name];
    if (v === undefined) throw new Error(`${doc} uses $${name}, which the test does not know`);
    return v;
  };
  for (const block of blocks) {
    const where = `${doc} line ${block.line}`;
    if (block.kind === 'file') files.set(block.name, `${block.text}\n`);
    else if (block.kind === 'commands') {
      for (const command of shellCommands(block.text, variable)) {
        last = await run(stack, curlRequest(command.words, files));
        const said = command.comments.map(expectation).find((e) => e !== null);
        const what = `${where}: ${command.words.join(' ')}\n${last.text.slice(0, 500)}`;
        if (said) {
          expect(last.status, what).toBe(said.status);
          if (said.answer !== undefined) expect(mismatch(json(last), rebase(said.answer, DOC_API, stack.apiUrl)), where).toBeNull();
        } else expect(last.status, what).toBeLessThan(300);
        const taken = last.request.method === 'POST' ? TAKEN[new URL(last.request.url).pathname] : undefined;
        for (const [field, name] of Object.entries(taken ?? {})) variables[name] = (json(last) as Record<string, string>)[field]!;
      }
    } else {
      if (!last) throw new Error(`${where}: an answer with no command before it`);
      const expected = rebase(JSON.parse(block.text) as unknown, DOC_API, stack.apiUrl);
      // A report is published a moment after it is asked for: ask again until it is so (as a reader would).
      const deadline = Date.now() + (block.eventually ? 60_000 : 0);
      let differs = mismatch(json(last), expected);
      while (differs && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        last = await run(stack, last.request);
        differs = mismatch(json(last), expected);
      }
      expect(differs, `${where}: ${last.request.method} ${last.request.url}`).toBeNull();
    }
  }
}
