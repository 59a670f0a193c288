// Limits checked on a request body before anything reads it element by
// element or recursively, so a hostile body costs little: how deeply it nests
// (read without recursion), whether it repeats a key, and how long its arrays are.
import type { Problem } from './problems.js';

/** Deeper than any body of the contract needs (an assessment nests 3 levels). */
export const MAX_NESTING_DEPTH = 32;

/** What one pass over a JSON text's characters finds, strings skipped. */
export interface JsonTextShape {
  /** how deeply arrays and objects nest; past the limit, the count stops there */
  depth: number;
  /** the `:` outside strings: in valid JSON, one per object member, duplicates included */
  members: number;
}

/**
 * How deeply a JSON text nests and how many object members it writes, counted
 * in one pass over the characters (strings skipped), without recursion; it
 * stops once the depth is past `limit`. Malformed JSON gets numbers too: the
 * parser refuses it later.
 */
export function jsonTextShape(text: string, limit = Number.POSITIVE_INFINITY): JsonTextShape {
  let depth = 0;
  let deepest = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) members++;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return { depth: deepest, members };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { depth: deepest, members };
}

/**
 * The own keys of every object in a parsed JSON value, summed. `JSON.parse`
 * keeps one key of each set of duplicates (`__proto__` too, as an own key),
 * so a valid text has duplicate keys exactly when its `members` exceed this.
 * Recursive: only for values whose text nests at most `MAX_NESTING_DEPTH`.
 */
export function parsedObjectKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const element of value as unknown[]) keys += parsedObjectKeys(element);
    return keys;
  }
  for (const member of Object.values(value)) keys += 1 + parsedObjectKeys(member);
  return keys;
}

/**
 * Arrays longer than their maximum, named by path (`answers`,
 * `service.targetGroups`), checked before any of their elements is: a body
 * with 27,000 answers is one problem, not 27,000.
 */
export function oversizedArrays(body: unknown, limits: ReadonlyArray<readonly [path: string, max: number]>): Problem[] {
  const problems: Problem[] = [];
  for (const [path, max] of limits) {
    let value: unknown = body;
    for (const key of path.split('.'))
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(value) && value.length > max) problems.push({ path, message: `${value.length} items; at most ${max}` });
  }
  return problems;
}
