// The page shell every report page shares: Dutch, readable on a phone, one
// inline style sheet (no script, no external file), and a skip link.
import { html, type SafeHtml } from '../html.js';

const STYLE = html`
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1c1c1c;background:#fff;margin:0}
main,header,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem;border-bottom:4px solid #ffe615}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin-top:2.5rem}
h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #8a8f98;padding:.35rem .5rem;text-align:right;vertical-align:top}
th[scope=row],thead th:first-child,td.text{text-align:left}
thead th{background:#f1f2f4}
.table-wrap{overflow-x:auto;margin-bottom:.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0;list-style:none}
.swatch{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.35rem;border:1px solid #1c1c1c}
.note{color:#3d3f42}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;padding:0;list-style:none}
.kpis li{border:1px solid #8a8f98;border-radius:.25rem;padding:.75rem}
.kpis strong{display:block;font-size:1.5rem}
a{color:#0b4ea2}
a:focus-visible{outline:3px solid #0b4ea2;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
.sev-error{color:#b3261e;font-weight:600}
.sev-warning{color:#8a4f00;font-weight:600}
summary{cursor:pointer;color:#0b4ea2;text-decoration:underline;margin:.5rem 0}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #8a8f98}
@media (max-width:40rem){table{font-size:.875rem}th,td{padding:.25rem .35rem}th[scope=row]{font-weight:600}h1{font-size:1.4rem}}
`;

/** The shell before a page's body: the head and the skip link. */
export const pageStart = (title: string): SafeHtml => html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
`;

/** The shell after a page's body. */
export const PAGE_END: SafeHtml = html`
</body>
</html>
`;

export function page(title: string, body: SafeHtml): SafeHtml {
  return html`${pageStart(title)}${body}${PAGE_END}`;
}
