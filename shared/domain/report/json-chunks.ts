// A value's JSON text in pieces, so that a large report.json can be written
// while it is produced instead of held whole: joined, the pieces are exactly
// `JSON.stringify(value)` (no indentation). A value with few members is one
// JSON.stringify call; a larger one is split member by member, however deep
// it sits, so no piece holds a large part of the file; consecutive small
// members go out together, a few KB a piece.

import { LazyList } from './lazy-list.js';

/** An array or a plain object without toJSON: JSON.stringify would walk its members one by one, as this does. */
function splittable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** Values (members at any depth) a value may hold to be written by one JSON.stringify call. */
const WHOLE_VALUES = 64;
/** Characters of small members gathered before they go out as one piece. */
const PIECE_CHARS = 2048;

/** Whether `v` holds at most WHOLE_VALUES values in all: counted, not stringified, stopping as soon as it holds more. */
function small(v: unknown): boolean {
  let left = WHOLE_VALUES;
  const pending: unknown[] = [v];
  while (pending.length > 0) {
    const x = pending.pop();
    if (typeof x !== 'object' || x === null) continue;
    // A lazy list is written row by row unless empty: its rows are not counted (that would make them), and
    // a few long rows (explanations) would make a large piece.
    if (LazyList.is(x)) {
      if (x.length > 0) return false;
      continue;
    }
    const members = Array.isArray(x) ? x : Object.values(x);
    left -= members.length;
    if (left < 0) return false;
    for (const m of members) if (typeof m === 'object' && m !== null) pending.push(m);
  }
  return true;
}

/** What JSON cannot hold: left out of an object, null in an array, as JSON.stringify does. */
const unwritable = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function* jsonChunks(value: unknown): Generator<string> {
  if ((splittable(value) || LazyList.is(value)) && !small(value)) {
    yield* members(value);
    return;
  }
  // JSON.stringify gives undefined for what JSON cannot hold; at the top that is no text at all.
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined) yield text;
}

/** An array's, a lazy list's or an object's members with their keys (an array's index as its key). */
function* entriesOf(value: object, array: boolean): Generator<[string | number, unknown]> {
  if (LazyList.is(value)) {
    let i = 0;
    for (const row of value) yield [i++, row];
  } else if (array) yield* (value as unknown[]).entries();
  else for (const key of Object.keys(value)) yield [key, (value as Record<string, unknown>)[key]];
}

/** A large array's, lazy list's or object's text, member by member. */
function* members(value: object): Generator<string> {
  const array = Array.isArray(value) || LazyList.is(value);
  let piece = array ? '[' : '{';
  let first = true;
  for (const [key, value_] of entriesOf(value, array)) {
    let member = value_;
    // A lazy list is written row by row, never made whole (its toJSON would).
    if (LazyList.is(member)) {
      piece += `${first ? '' : ','}${array ? '' : `${JSON.stringify(key)}:`}`;
      first = false;
      yield piece;
      piece = '';
      yield* members(member);
      continue;
    }
    // As JSON.stringify does: a member's toJSON is called with its key, and what it gives is written.
    if (typeof member === 'object' && member !== null && typeof (member as { toJSON?: unknown }).toJSON === 'function')
      member = (member as { toJSON: (key: string) => unknown }).toJSON(String(key));
    if (!array && unwritable(member)) continue;
    piece += `${first ? '' : ','}${array ? '' : `${JSON.stringify(key)}:`}`;
    first = false;
    if (array && unwritable(member)) piece += 'null';
    else if (splittable(member) && !small(member)) {
      yield piece;
      piece = '';
      yield* members(member);
    } else piece += JSON.stringify(member);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${array ? ']' : '}'}`;
}
