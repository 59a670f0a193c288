// A value's JSON text in pieces, so that a large report.json can be written
// while it is produced instead of held whole: joined, the pieces are exactly
// `JSON.stringify(value)` (no indentation). Objects and arrays near the top are
// split member by member; below `depth` each member is one JSON.stringify call,
// except along long lists (one entry per service, however deep): a long list
// is split item by item at any depth, and so is an object that holds one, so
// no piece holds every service (at 50,000 services the committee's services
// section was one piece of 36.6 M characters).

/** An array or a plain object without toJSON: JSON.stringify would walk its members one by one, as this does. */
function splittable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** Lists longer than this are split item by item at any depth. */
export const LONG_LIST = 64;

/**
 * Below `depth`, an array or object is split only if it is a long list or
 * holds one within `levels` (a policy domain's organisations' services).
 */
function holdsLongList(v: unknown, levels = 3): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    if (v.length > LONG_LIST) return true;
    if (levels > 0) for (const item of v) if (holdsLongList(item, levels - 1)) return true;
    return false;
  }
  if (levels > 0) for (const key of Object.keys(v)) if (holdsLongList((v as Record<string, unknown>)[key], levels - 1)) return true;
  return false;
}

export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  if (!splittable(value) || (depth <= 0 && !holdsLongList(value))) {
    // JSON.stringify gives undefined for what JSON cannot hold; at the top that is no text at all.
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      // In an array, what JSON cannot hold is written as null, as JSON.stringify does.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonChunks(item, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const member: unknown = (value as Record<string, unknown>)[key];
    // In an object, a member JSON cannot hold is left out, as JSON.stringify does.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(member, depth - 1);
  }
  yield '}';
}
