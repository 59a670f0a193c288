// The html tag: safe by default. Every interpolated value is escaped unless it
// is SafeHtml made by the tag itself; nothing else can pass for SafeHtml.
import { describe, expect, it } from 'vitest';
import { escapeText, html, isSafeHtml, join, toHtmlString, type SafeHtml } from '../../shared/domain/report/html.js';

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
