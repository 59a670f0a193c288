// HTML that is safe by construction: the `html` tag escapes every value it
// interpolates unless the value is already SafeHtml, so no call site has to
// remember to escape. The only markup that is not escaped is the literal text
// of an `html` template, written here in the code. Attribute values must be
// quoted (`attr="${value}"`): escaping covers both quote characters.

/** Markup that is safe to embed: literal template text and escaped values only. */
class Markup {
  // An ES private field: nothing outside this module can make or fake one.
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  static text(value: Markup): string {
    return value.#markup;
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
  return value instanceof Markup;
}

function render(value: HtmlValue): string {
  if (typeof value === 'string') return escapeText(value);
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Markup) return Markup.text(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as readonly HtmlValue[]) out += render(item);
    return out;
  }
  // Only reached past the types (an object made elsewhere): it is text like any other.
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Markup(out);
}

/** The items one after the other with `separator` between them (escaped like any value). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  let out = '';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : sep) + render(items[i]);
  return new Markup(out);
}

/** The markup as text, to write to a file. */
export function toHtmlString(value: SafeHtml): string {
  return Markup.text(value);
}
