// Limits checked on a request body before anything reads it element by
// element or recursively, so a hostile body costs little: how deeply it nests
// (read without recursion) and how long its arrays are.
import type { Problem } from './problems.js';

/** Deeper than any body of the contract needs (an assessment nests 3 levels). */
export const MAX_NESTING_DEPTH = 32;

/**
 * How deeply a JSON text nests arrays and objects, counted in one pass over
 * the characters (strings skipped), without recursion; it stops counting once
 * past `limit`. Malformed JSON gets a number too: the parser refuses it later.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
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
