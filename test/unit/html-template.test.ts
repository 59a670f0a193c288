// The html tag: safe by default. Every interpolated value is escaped unless it
// is SafeHtml made by the tag itself; nothing else can pass for SafeHtml.
import { describe, expect, it } from 'vitest';
import { each, escapeText, html, htmlChunks, isSafeHtml, join, toHtmlString, type SafeHtml } from '../../shared/domain/report/html.js';

const s = (h: SafeHtml) => toHtmlString(h);

describe('the html tag', () => {
  it('escapes the five special characters of every interpolated text, as escape-html did', () => {
    expect(escapeText(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const name = '<script>alert("x")</script>';
    expect(s(html`<p>${name}</p>`)).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('escapes every interpolation, not only the first', () => {
    expect(s(html`${'<'}-${'>'}-${'&'}-${'"'}-${"'"}`)).toBe('&lt;-&gt;-&amp;-&quot;-&#39;');
  });

  it('keeps a value inside a quoted attribute: quotes cannot end the attribute', () => {
    const label = `x" onmouseover="alert(1)`;
    expect(s(html`<div aria-label="${label}" title='${"it's"}'></div>`)).toBe(
      '<div aria-label="x&quot; onmouseover=&quot;alert(1)" title=\'it&#39;s\'></div>',
    );
  });

  it('does not escape nested SafeHtml again, but escapes the values inside it once', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(s(html`<p>${inner}</p>`)).toBe('<p><b>a &amp; b</b></p>');
    expect(s(html`<div>${html`<p>${inner}</p>`}</div>`)).toBe('<div><p><b>a &amp; b</b></p></div>');
  });

  it('treats the markup of a rendered template, once it is a plain string, as text', () => {
    const rendered = toHtmlString(html`<b>x</b>`);
    expect(s(html`<p>${rendered}</p>`)).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });

  it('does not take an object that merely looks like SafeHtml', () => {
    const forged = { html: '<script>', toString: () => '<script>' } as unknown as SafeHtml;
    expect(isSafeHtml(forged)).toBe(false);
    expect(s(html`${forged}`)).toBe('&lt;script&gt;');
    expect(isSafeHtml(html``)).toBe(true);
  });

  it('cannot be made outside the module, not even through the class an instance leads to', () => {
    const Made = Object.getPrototypeOf(html`x`).constructor as new (...args: unknown[]) => SafeHtml;
    expect(() => new Made('<script>')).toThrow(TypeError);
    expect(() => new Made(undefined, '<script>')).toThrow(TypeError);
    expect(() => new Made(Symbol('made by the html module'), '<script>')).toThrow(TypeError);
    // An object made from the prototype alone is not markup: it is text like any other value.
    const bare = Object.create(Object.getPrototypeOf(html`x`)) as SafeHtml;
    expect(isSafeHtml(bare)).toBe(false);
    expect(s(html`<p>${bare}</p>`)).toBe('<p>[object Object]</p>');
  });

  it('gives no way to change the pieces of a list rendered when written', () => {
    const Made = Object.getPrototypeOf(html`x`).constructor as { pieces(v: SafeHtml): Array<string | { separator: string }> };
    const page = html`<ul>${each(['a', 'b'], (n) => html`<li>${n}</li>`)}</ul>`;
    const pieces = Made.pieces(page);
    expect(() => pieces.push('<script>')).toThrow(TypeError);
    expect(() => {
      (pieces.find((p) => typeof p !== 'string') as { separator: string }).separator = '<img onerror=x>';
    }).toThrow(TypeError);
    expect(s(page)).toBe('<ul><li>a</li>\n<li>b</li></ul>');
  });

  it('joins arrays without a separator, escaping each item and flattening nested arrays', () => {
    expect(s(html`<ul>${['<a>', html`<li>${'&'}</li>`, ['b', ['"']]]}</ul>`)).toBe('<ul>&lt;a&gt;<li>&amp;</li>b&quot;</ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as they print', () => {
    expect(s(html`[${null}|${undefined}|${false}]`)).toBe('[||]');
    expect(s(html`${0}|${-1.5}|${12345678901234567890n}`)).toBe('0|-1.5|12345678901234567890');
  });

  it('joins items with a separator, escaping items and separator alike', () => {
    expect(s(join(['<a>', html`<b></b>`, null], html`<br>`))).toBe('&lt;a&gt;<br><b></b><br>');
    expect(s(join(['x', 'y'], ' & '))).toBe('x &amp; y');
    expect(s(join([], '\n'))).toBe('');
  });

  it('keeps the literal text of the template as written, line breaks included', () => {
    expect(
      s(html`<style>body{font-family:"Segoe UI"}</style>
<p>é — ${'ü'}</p>`),
    ).toBe('<style>body{font-family:"Segoe UI"}</style>\n<p>é — ü</p>');
  });
});

describe('a list rendered when written (each)', () => {
  const names = ['a & b', '<c>', 'd'];

  it('gives the markup the same list made at once gives, escaped alike, wherever it is put', () => {
    const row = (n: string) => html`<li>${n}</li>`;
    const page = (rows: SafeHtml) => html`<h2>${'x&y'}</h2><ul>${join([html`<li>kop</li>`, rows], '\n')}</ul>${[rows, 'z']}`;
    expect(s(page(each(names, row)))).toBe(s(page(join(names.map(row), '\n'))));
    expect(s(each(names, row, html`<br>`))).toBe('<li>a &amp; b</li><br><li>&lt;c&gt;</li><br><li>d</li>');
    expect(s(each([], row))).toBe('');
    // Lists within lists, as a table of organisations and their services.
    const nested = each([names, ['e']], (group) => each(group, row));
    expect(s(nested)).toBe('<li>a &amp; b</li>\n<li>&lt;c&gt;</li>\n<li>d</li>\n<li>e</li>');
  });

  it('escapes a row that is text, not markup (past the types), like any other value', () => {
    const rows = each(['<b>'], (n) => n as unknown as SafeHtml);
    expect(s(html`<p>${rows}</p>`)).toBe('<p>&lt;b&gt;</p>');
  });

  it('renders no row until the markup is written, and then a piece at a time', () => {
    let rendered = 0;
    const many = Array.from({ length: 3000 }, (_, i) => `dienst ${i}`);
    const table = html`<table>${each(many, (n) => {
      rendered++;
      return html`<tr><td>${n}</td></tr>`;
    })}</table>`;
    const page = html`<main>${join([html`<h2>Diensten</h2>`, table], '\n')}</main>`;
    expect(rendered).toBe(0);
    const pieces = htmlChunks(page);
    const first = pieces.next().value!;
    // Pieces of some 16,384 characters: the first holds the rows that fill it, no more.
    expect(first.length).toBeGreaterThanOrEqual(16_384);
    expect(first.length).toBeLessThan(16_384 + 40);
    expect(rendered).toBeGreaterThan(500);
    expect(rendered).toBeLessThan(1000);
    const rest = [...pieces];
    expect(rendered).toBe(3000);
    expect(first + rest.join('')).toBe(s(page));
    expect(rest.at(-1)!.endsWith('<tr><td>dienst 2999</td></tr></table></main>')).toBe(true);
  });
});
