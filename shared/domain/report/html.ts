// HTML that is safe by construction: the `html` tag escapes every value it
// interpolates unless the value is already SafeHtml, so no call site has to
// remember to escape. The only markup that is not escaped is the literal text
// of an `html` template, written here in the code. Attribute values must be
// quoted (`attr="${value}"`): escaping covers both quote characters.

const MARKUP = Symbol('SafeHtml');

/** Markup that is safe to embed: literal template text and escaped values only. */
export interface SafeHtml {
  readonly [MARKUP]: string;
}

/** What a template may interpolate: text and numbers are escaped; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | bigint | false | null | undefined | readonly HtmlValue[];

// The five characters escape-html escapes, with the same entities, so pages keep their bytes.
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /["&'<>]/g;

export function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c]!);
}

const safe = (markup: string): SafeHtml => ({ [MARKUP]: markup });

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && MARKUP in value;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (isSafeHtml(value)) return value[MARKUP];
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return safe(out);
}

/** The items one after the other with `separator` between them (escaped like any value). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  return safe(items.map(render).join(sep));
}

/** The markup as text, to write to a file. */
export function toHtmlString(value: SafeHtml): string {
  return value[MARKUP];
}
