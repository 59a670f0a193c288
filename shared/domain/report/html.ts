// HTML that is safe by construction: the `html` tag escapes every value it
// interpolates unless the value is already SafeHtml, so no call site has to
// remember to escape. The only markup that is not escaped is the literal text
// of an `html` template, written here in the code. Attribute values must be
// quoted (`attr="${value}"`): escaping covers both quote characters.

/**
 * A list rendered row by row when its markup is written (`each`): a report
 * table of 50,000 services is never held as one text.
 */
interface Rows {
  readonly items: Iterable<unknown>;
  readonly row: (item: unknown) => Markup;
  readonly separator: string;
}

/** Text, and the lists rendered when written, in order. */
type Piece = string | Rows;

/** Only this module holds it: the class is reachable from any instance (its prototype), its constructor is not usable. */
const MADE_HERE = Symbol('made by the html module');

/** Markup that is safe to embed: literal template text and escaped values only. */
class Markup {
  // An ES private field, and a constructor that wants MADE_HERE: nothing outside this module can make or fake one.
  // Markup holding a list rendered when written (`each`) keeps its pieces.
  readonly #markup: string | readonly Piece[];
  constructor(token: typeof MADE_HERE, markup: string | readonly Piece[]) {
    if (token !== MADE_HERE) throw new TypeError('SafeHtml is made by the html module only');
    this.#markup = markup;
  }
  /** Made by this module: a brand check, so an object made from the prototype alone does not pass. */
  static is(value: unknown): value is Markup {
    return typeof value === 'object' && value !== null && #markup in value;
  }
  static text(value: Markup): string {
    const m = value.#markup;
    if (typeof m === 'string') return m;
    let out = '';
    for (const piece of Markup.chunks(value)) out += piece;
    return out;
  }
  /** The pieces of markup still to render (frozen, as each list is), or null when it is all text. */
  static pieces(value: Markup): readonly Piece[] | null {
    const m = value.#markup;
    return typeof m === 'string' ? null : m;
  }
  /** The text in pieces: a list's rows are rendered one by one as they are asked for. */
  static *chunks(value: Markup): Generator<string> {
    const m = value.#markup;
    if (typeof m === 'string') {
      yield m;
      return;
    }
    for (const piece of m) {
      if (typeof piece === 'string') yield piece;
      else {
        let first = true;
        for (const item of piece.items) {
          if (!first) yield piece.separator;
          first = false;
          const row: HtmlValue = piece.row(item);
          // A row that is not markup (past the types) is text like any other value.
          if (Markup.is(row)) yield* Markup.chunks(row);
          else yield render(row);
        }
      }
    }
  }
}

export type SafeHtml = Markup;

/** What a template may interpolate: text and numbers are escaped; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | bigint | false | null | undefined | readonly HtmlValue[];

// The five characters escape-html escapes, with the same entities, so pages keep their bytes.
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /["&'<>]/;
const SPECIALS = /["&'<>]/g;

export function escapeText(text: string): string {
  // Most values (numbers, dates, ids) need nothing: test once before replacing.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return Markup.is(value);
}

function render(value: HtmlValue): string {
  if (typeof value === 'string') return escapeText(value);
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Markup.is(value)) return Markup.text(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as readonly HtmlValue[]) out += render(item);
    return out;
  }
  // Only reached past the types (an object made elsewhere): it is text like any other.
  return escapeText(String(value));
}

/** Appends a value to `pieces`, keeping a list rendered when written (`each`) as it is. */
function add(pieces: Piece[], text: string, value: HtmlValue): string {
  if (Array.isArray(value)) {
    let out = text;
    for (const item of value as readonly HtmlValue[]) out = add(pieces, out, item);
    return out;
  }
  const lazy = Markup.is(value) ? Markup.pieces(value) : null;
  if (lazy === null) return text + render(value);
  let out = text;
  for (const piece of lazy) {
    if (typeof piece === 'string') out += piece;
    else {
      if (out !== '') pieces.push(out);
      pieces.push(piece);
      out = '';
    }
  }
  return out;
}

function markupOf(pieces: Piece[], out: string): Markup {
  if (pieces.length === 0) return new Markup(MADE_HERE, out);
  if (out !== '') pieces.push(out);
  // Frozen, with its lists: what Markup.pieces gives cannot be changed to carry markup of its own.
  return new Markup(MADE_HERE, Object.freeze(pieces));
}

/** Markup from a template. A list from `each` interpolated as a value stays one that renders when written. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  const pieces: Piece[] = [];
  for (let i = 0; i < values.length; i++) out = add(pieces, out, values[i]) + strings[i + 1]!;
  return markupOf(pieces, out);
}

/** The items one after the other with `separator` between them (escaped like any value). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  let out = '';
  const pieces: Piece[] = [];
  for (let i = 0; i < items.length; i++) out = add(pieces, i === 0 ? out : out + sep, items[i]);
  return markupOf(pieces, out);
}

/**
 * The items' rows, `separator` between them (escaped), each rendered by `row`
 * only when the markup is written: a table of every service is never held
 * whole (htmlChunks). `items` (an array, or a lazy list made again at each
 * walk) must not change until then.
 */
export function each<T>(items: Iterable<T>, row: (item: T) => SafeHtml, separator: HtmlValue = '\n'): SafeHtml {
  const rows: Rows = Object.freeze({ items, row: row as (item: unknown) => Markup, separator: render(separator) });
  return new Markup(MADE_HERE, Object.freeze([rows]));
}

/** Pieces of about this many characters, or one larger row: few enough writes, small enough to hold. */
const CHUNK_CHARS = 16_384;

/** The markup as text in pieces, rendering lists as it goes: what htmlChunks gives joins into toHtmlString's text. */
export function* htmlChunks(value: SafeHtml): Generator<string> {
  let out = '';
  for (const piece of Markup.chunks(value)) {
    out += piece;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  if (out.length > 0) yield out;
}

/** The markup as text, to write to a file. */
export function toHtmlString(value: SafeHtml): string {
  return Markup.text(value);
}
