// Duplicate keys found without momoa (issue 12): readJsonBody parses with
// JSON.parse and counts members against kept keys, and parses with momoa only
// to name repeated keys or say why a body is malformed. Held here against the
// way it was done before (momoa's tree first, every time) over generated
// bodies: the same answer for each, exactly.
import { parse as parseJsonAst, type ValueNode } from '@humanwhocodes/momoa';
import { describe, expect, it } from 'vitest';
import { HttpError, readJsonBody } from '../../shared/adapters/http.js';
import { jsonTextShape, parsedObjectKeys } from '../../shared/domain/body-limits.js';
import type { Problem } from '../../shared/domain/problems.js';
import { httpEvent } from '../support/fixtures.js';
import { seeded } from '../support/seeded.js';

const KEYS = ['a', 'b', 'c', '__proto__', 'constructor', 'a:b', 'q"', '\\', '', 'é', '😀', 'x\u0001'];
const STRINGS = ['', 'x:y', '":', '\\', '{"a":1}', '[', '}', ',', 'ünï', '😀', 'z\u0001'];
const NUMBERS = ['0', '-1.5', '1e3', '12', '-0'];
const SPACE = ['', '', ' ', '\n', '\t', '\r\n'];

/** A JSON text of a random value whose keys may repeat, written escaped or not, with raw control characters if `raw`. */
function generatedText(random: () => number, raw: boolean): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ws = () => pick(SPACE);
  const str = (s: string): string => {
    const style = random();
    // Every UTF-16 unit escaped: a character beyond the BMP becomes its surrogate pair, \ud83d\ude00.
    if (style < 0.2)
      return `"${Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`;
    const text = JSON.stringify(s);
    return raw ? text.replace(/\\u0001/g, '\u0001') : text;
  };
  const value = (depth: number): string => {
    const r = random();
    if (depth >= 4 || (depth > 0 && r < 0.3)) {
      const p = random();
      return p < 0.4 ? str(pick(STRINGS)) : p < 0.8 ? pick(NUMBERS) : pick(['true', 'false', 'null']);
    }
    const n = Math.floor(random() * 5);
    const items = Array.from({ length: n }, () =>
      r < 0.7 ? `${ws()}${str(pick(KEYS))}${ws()}:${ws()}${value(depth + 1)}${ws()}` : `${ws()}${value(depth + 1)}${ws()}`,
    );
    return r < 0.7 ? `{${items.join(',') || ws()}}` : `[${items.join(',') || ws()}]`;
  };
  return `${ws()}${value(0)}${ws()}`;
}

/** A generated text broken: cut short, or one character dropped. */
function broken(random: () => number, text: string): string {
  const at = Math.floor(random() * text.length);
  return random() < 0.5 ? text.slice(0, at) : text.slice(0, at) + text.slice(at + 1);
}

/** As readJsonBody named repeated keys before, walking momoa's tree. */
function namedDuplicates(node: ValueNode, path: string, out: Problem[]): Problem[] {
  if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const m of node.members) {
      const name = m.name.type === 'String' ? m.name.value : m.name.name;
      const childPath = path === '' ? name : `${path}.${name}`;
      if (seen.has(name)) out.push({ path: childPath, message: 'duplicate key' });
      seen.add(name);
      namedDuplicates(m.value, childPath, out);
    }
  } else if (node.type === 'Array') node.elements.forEach((e, i) => namedDuplicates(e.value, `${path}[${i}]`, out));
  return out;
}

type Answer = { accepted: string } | { status: number; code: string; message: string; details: Problem[] };

const malformed = (e: unknown): Answer => ({
  status: 400,
  code: 'malformed_json',
  message: 'the body is not valid JSON',
  details: [{ path: '(body)', message: (e as Error).message }],
});

/** The answer before (momoa first); where JSON.parse then threw (a 500), malformed in its words. */
function momoaFirst(text: string): Answer {
  let tree;
  try {
    tree = parseJsonAst(text, { mode: 'json' });
  } catch (e) {
    return malformed(e);
  }
  const dups = namedDuplicates(tree.body, '', []);
  if (dups.length > 0) return { status: 400, code: 'duplicate_keys', message: 'the body repeats a key', details: dups };
  try {
    return { accepted: JSON.stringify(JSON.parse(text)) };
  } catch (e) {
    return malformed(e);
  }
}

function now(text: string): Answer {
  try {
    return {
      accepted: JSON.stringify(
        readJsonBody(httpEvent({ routeKey: 'POST /v1/assessments', headers: { 'content-type': 'application/json' }, body: text })),
      ),
    };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { status: e.status, code: e.code, message: e.message, details: e.details };
  }
}

const random = seeded(20261127);
const bodies = [
  ...Array.from({ length: 400 }, () => generatedText(random, false)),
  ...Array.from({ length: 100 }, () => generatedText(random, true)),
  ...Array.from({ length: 100 }, () => broken(random, generatedText(random, false))),
];

describe('duplicate keys without momoa, over 600 generated bodies', () => {
  it('finds repeated keys in a valid text exactly when momoa names some', () => {
    const valid = bodies.filter((text) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    });
    const counted = valid.map((text) => jsonTextShape(text).members > parsedObjectKeys(JSON.parse(text)));
    const named = valid.map((text) => namedDuplicates(parseJsonAst(text, { mode: 'json' }).body, '', []).length > 0);
    expect(counted).toEqual(named);
    expect([valid.length, counted.filter(Boolean).length]).toEqual([478, 163]);
  });

  it('gives every body the answer it had when momoa parsed first', () => {
    const answers = bodies.map(now);
    expect(answers).toEqual(bodies.map(momoaFirst));
    // Each way through readJsonBody is taken, those where JSON.parse refuses a control character that momoa takes too.
    const refusedByJsonParse = bodies.map((text) => {
      try {
        JSON.parse(text);
        return '';
      } catch {
        return ' (JSON.parse refused)';
      }
    });
    const tally: Record<string, number> = {};
    answers.forEach((a, i) => {
      const way = ('code' in a ? a.code : 'accepted') + refusedByJsonParse[i];
      tally[way] = (tally[way] ?? 0) + 1;
    });
    expect(tally).toEqual({
      accepted: 315,
      duplicate_keys: 163,
      'duplicate_keys (JSON.parse refused)': 26,
      'malformed_json (JSON.parse refused)': 96,
    });
  });
});
