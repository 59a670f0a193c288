// The README's and docs/integrators.md's examples as a test runs them: the
// fenced blocks marked with an HTML comment, the curl commands in them read as
// a shell would read them, and the answers shown compared with the API's.
//
//   <!-- tested: file NAME -->   the block is a file the commands name (`--data @NAME`)
//   <!-- tested -->              a `sh` block of curl commands, run in order; a comment
//                                `# 201` or `# 201 {json}` after a command is its expected answer
//   <!-- tested: answer -->      a `json` block: the answer of the command before it
//   <!-- tested: answer, once … -->  the same, asking again until it is so (a report being published)
//
// In an expected answer, "…" is any value, a string ending in "…" any string that
// starts so, and "…" as the last element of an array any further elements.

export type Block =
  | { kind: 'file'; name: string; text: string; line: number }
  | { kind: 'commands'; text: string; line: number }
  | { kind: 'answer'; eventually: boolean; text: string; line: number };

const MARKER = /^<!--\s*tested(?::\s*(.*?))?\s*-->$/;
const FENCE = /^```(\w*)\s*$/;

/** Every marked block of a Markdown text, in order; a marker not followed by a fenced block is an error. */
export function testedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]!.trim());
    if (!marker) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (!FENCE.test(lines[j] ?? '')) throw new Error(`line ${i + 1}: a tested marker must be followed by a fenced block`);
    const end = lines.findIndex((l, k) => k > j && l.trim() === '```');
    if (end < 0) throw new Error(`line ${j + 1}: the fenced block does not end`);
    const text = lines.slice(j + 1, end).join('\n');
    const what = (marker[1] ?? '').trim();
    const line = j + 2;
    if (what === '') blocks.push({ kind: 'commands', text, line });
    else if (what.startsWith('file ')) blocks.push({ kind: 'file', name: what.slice('file '.length).trim(), text, line });
    else if (/^answer\b/.test(what)) blocks.push({ kind: 'answer', eventually: /^answer,\s*once\b/.test(what), text, line });
    else throw new Error(`line ${i + 1}: unknown marker "tested: ${what}"`);
    i = end;
  }
  return blocks;
}

export interface ShellCommand {
  words: string[];
  /** the comments after it, before the next command */
  comments: string[];
}

/**
 * Shell words as sh reads them, for the part of sh the documents use: single and
 * double quotes, backslashes, line continuations, `$NAME` and `${NAME}`
 * (not in single quotes), and comments.
 */
export function shellCommands(text: string, variable: (name: string) => string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words, comments: [] });
    words = [];
  };
  const expand = (at: number): [string, number] => {
    const m = /^\$(?:\{(\w+)\}|(\w+))/.exec(text.slice(at));
    if (!m) return ['$', at + 1];
    return [variable(m[1] ?? m[2]!), at + m[0].length];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        word += text[i + 1] ?? '';
        inWord = true;
        i += 2;
      }
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '\n') {
      endCommand();
      i++;
    } else if (c === '#' && !inWord) {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i + 1, end < 0 ? text.length : end).trim();
      endWord();
      // A comment belongs to the command on its line, or to the one before it.
      if (words.length > 0) endCommand();
      commands.at(-1)?.comments.push(comment);
      i = end < 0 ? text.length : end;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (text[i] !== '"') {
        if (i >= text.length) throw new Error('unterminated double quote');
        if (text[i] === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else if (text[i] === '$') {
          const [value, next] = expand(i);
          word += value;
          i = next;
        } else word += text[i++];
      }
      i++;
    } else if (c === '$') {
      const [value, next] = expand(i);
      word += value;
      inWord = true;
      i = next;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return commands;
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The request a curl command line makes, for the options the documents use; anything else is an error. */
export function curlRequest(words: readonly string[], files: ReadonlyMap<string, string>): CurlRequest {
  if (words[0] !== 'curl') throw new Error(`only curl runs in a tested block, not: ${words.join(' ')}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  const value = (i: number) => {
    const v = words[i + 1];
    if (v === undefined) throw new Error(`${words[i]} needs a value`);
    return v;
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-s' || w === '--silent' || w === '-S' || w === '--show-error') continue;
    // Where curl writes the answer: the test reads it either way.
    if (w === '-o' || w === '--output') {
      value(i++);
      continue;
    }
    if (w === '-X' || w === '--request') method = value(i++);
    else if (w === '-H' || w === '--header') {
      const h = value(i++);
      const colon = h.indexOf(':');
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (w === '-u' || w === '--user') headers.authorization = `Basic ${Buffer.from(value(i++)).toString('base64')}`;
    else if (w === '-d' || w === '--data' || w === '--data-binary' || w === '--data-raw') {
      const v = value(i++);
      if (v.startsWith('@') && w !== '--data-raw') {
        const file = files.get(v.slice(1));
        if (file === undefined) throw new Error(`${v}: no tested file of that name comes before it in the document`);
        // curl -d @file leaves out the file's line ends; --data-binary sends it as it is.
        body = w === '--data-binary' ? file : file.replace(/[\r\n]/g, '');
      } else body = v;
    } else if (w.startsWith('-')) throw new Error(`curl option ${w} is not understood by the examples test`);
    else if (url === undefined) url = w;
    else throw new Error(`a second URL: ${w}`);
  }
  if (!url) throw new Error(`no URL in: ${words.join(' ')}`);
  // As curl does: a body without a Content-Type is sent as a form.
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, ...(body === undefined ? {} : { body }) };
}

/** What a comment after a command expects: `201`, `200: prose`, or `201 {json}`; null for prose. */
export function expectation(comment: string): { status: number; answer?: unknown } | null {
  const m = /^(\d{3})\b(?:\s*([[{].*))?/.exec(comment);
  if (!m) return null;
  return { status: Number(m[1]), ...(m[2] === undefined ? {} : { answer: JSON.parse(m[2]) as unknown }) };
}

const ANY = '…';

/** Where `actual` differs from the answer a document shows (see the top of this file); null when it matches. */
export function mismatch(actual: unknown, expected: unknown, path = '$'): string | null {
  if (expected === ANY) return null;
  if (typeof expected === 'string' && expected.endsWith(ANY)) {
    const prefix = expected.slice(0, -ANY.length);
    return typeof actual === 'string' && actual.startsWith(prefix)
      ? null
      : `${path}: ${JSON.stringify(actual)} does not start with "${prefix}"`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    const open = expected.at(-1) === ANY;
    const items = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < items.length : actual.length !== items.length)
      return `${path}: ${actual.length} elements, the document shows ${open ? 'at least ' : ''}${items.length}`;
    for (let i = 0; i < items.length; i++) {
      const m = mismatch(actual[i], items[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const missing = Object.keys(e).filter((k) => !(k in a));
    const extra = Object.keys(a).filter((k) => !(k in e));
    if (missing.length || extra.length)
      return `${path}: keys missing ${JSON.stringify(missing)}, not in the document ${JSON.stringify(extra)}`;
    for (const k of Object.keys(e)) {
      const m = mismatch(a[k], e[k], `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: ${JSON.stringify(actual)}, the document shows ${JSON.stringify(expected)}`;
}

/** The expected answer with the documents' address replaced by the stack's. */
export function rebase(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => rebase(v, from, to));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebase(v, from, to)]));
  return value;
}
