// The report pages and CSV files as published, built in memory: hostile text
// is escaped wherever it lands (text, attribute, SVG), CSV cells never run as
// formulas, every table's CSV is linked, and the sections stand in page order.
import { describe, expect, it } from 'vitest';
import { csvLink } from '../../shared/domain/report/components/csv-link.js';
import { details } from '../../shared/domain/report/components/details.js';
import { kpiList } from '../../shared/domain/report/components/kpi-list.js';
import { legend } from '../../shared/domain/report/components/legend.js';
import { phaseCell } from '../../shared/domain/report/components/phase-cell.js';
import { quarterLineChart } from '../../shared/domain/report/components/quarter-line-chart.js';
import { stackedBars } from '../../shared/domain/report/components/stacked-bars.js';
import { scrollTable } from '../../shared/domain/report/components/table.js';
import { html, toHtmlString } from '../../shared/domain/report/html.js';
import { reportPage, reportsIndexPage } from '../../shared/domain/report/pages.js';
import { buildReports, type Report } from '../../shared/domain/report/report-model.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import { reportEloketten, reportInput, reportServices } from '../support/report-input.js';

const SCRIPT = '<script>alert("x")</script>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

/** The test data set with hostile text in every free field a page or file shows. */
function hostileReports() {
  const assessments = reportServices()
    .flat()
    .map((a) => {
      const sub = a.submission;
      if (sub.serviceId === 's1') return { ...a, submission: { ...sub, service: { ...sub.service, name: SCRIPT } } };
      if (sub.serviceId === 's2')
        return {
          ...a,
          submission: {
            ...sub,
            service: { ...sub.service, name: '@SUM(A1)' },
            answers: sub.answers.map((x) =>
              x.criterionId === 'SD-G1' ? { ...x, explanation: '=HYPERLINK("http://evil") <img src=x onerror=alert(1)>' } : x,
            ),
          },
        };
      return a;
    });
  const eloketten = reportEloketten().map((e) => (e.id === 'mijn-burgerprofiel' ? { ...e, name: 'Loket "Eén" <b>' } : e));
  const organisations = new Map([
    ['OVO1', { organisationId: 'OVO1', name: 'Dept "Omgeving" & <Co>', kind: 'department' as const, policyDomain: 'Omgeving & <Natuur>' }],
  ]);
  return buildReports(reportInput({ assessments, eloketten, organisations }));
}

const files = (report: Report<Audience>) =>
  Object.fromEntries(report.sections.flatMap((s) => s.files(report.page)).map((f) => [f.name, f.body]));
const attribute = (page: string, name: string, startsWith: string) => {
  const match = new RegExp(`${name}="(${startsWith}[^"]*)"`).exec(page);
  if (!match) throw new Error(`no ${name} starting with ${startsWith}`);
  return match[1]!;
};

describe('a hostile name on the pages', () => {
  const hostile = hostileReports();
  const pub = reportPage(hostile.public);
  const com = reportPage(hostile.committee);

  it('is escaped as text in a table cell, on both pages', () => {
    expect(pub).toContain(
      `<tr><th scope="row">${ESCAPED_SCRIPT}<br><span class="note">Dept &quot;Omgeving&quot; &amp; &lt;Co&gt;</span></th>`,
    );
    expect(com).toContain(`<tr><th scope="row">Dept &quot;Omgeving&quot; &amp; &lt;Co&gt; / ${ESCAPED_SCRIPT}</th><td>nee</td>`);
    for (const page of [pub, com]) {
      expect(page).not.toContain('<script');
      expect(page).not.toContain('<Co>');
    }
  });

  it('is escaped inside an attribute, so a quote cannot end it', () => {
    expect(com).toContain(
      '<div class="table-wrap" role="region" tabindex="0" aria-label="Getoetste diensten in Omgeving &amp; &lt;Natuur&gt;, stand het 3e kwartaal van 2026"><table>',
    );
    expect(attribute(pub, 'aria-label', 'Aangeboden diensten per e-loket over acht kwartalen')).toContain(
      'Loket &quot;Eén&quot; &lt;b&gt;: K4 2024 geen gegevens',
    );
    expect(attribute(pub, 'aria-label', 'Interacties per kanaal')).toContain('Loket &quot;Eén&quot; &lt;b&gt;: digitaal aandeel 80,0 %');
  });

  it('is escaped in the legend and the SVG text', () => {
    expect(pub).toContain('<li><span class="swatch" style="background:#0b5cad"></span>Loket &quot;Eén&quot; &lt;b&gt;</li>');
    expect(pub).toContain('<text x="0" y="15" font-size="14" fill="#1c1c1c">Loket &quot;Eén&quot; &lt;b&gt;</text>');
    expect(pub).not.toContain('<b>');
  });

  it('keeps an explanation off the public page and escapes it on the committee page', () => {
    expect(pub).not.toContain('HYPERLINK');
    expect(com).toContain('<td class="text">=HYPERLINK(&quot;http://evil&quot;) &lt;img src=x onerror=alert(1)&gt;</td>');
    expect(com).not.toContain('<img');
  });
});

describe('a hostile cell in the CSV files', () => {
  const hostile = hostileReports();

  it('is neutralised when a spreadsheet would run it as a formula, and quoted per RFC 4180', () => {
    const com = files(hostile.committee);
    expect(com['explanations.csv']!.split('\r\n')).toContain(
      '2026-Q3,OVO1,"Dept ""Omgeving"" & <Co>",s2,\'@SUM(A1),pre,SD-G1,"De zaken waarvoor ik vroeger een fysieke afspraak moest maken, kan ik nu volledig online regelen.",no,"\'=HYPERLINK(""http://evil"") <img src=x onerror=alert(1)>",',
    );
    expect(com['diensten.csv']!.split('\r\n')[2]).toBe(
      '2026-Q3,Omgeving & <Natuur>,OVO1,"Dept ""Omgeving"" & <Co>",s2,\'@SUM(A1),ja,2026-02-05,0.9807692307692307,good,,,',
    );
    expect(files(hostile.public)['vernieuwde-diensten.csv']!.split('\r\n')[1]).toBe(
      `2026-Q3,OVO1,"Dept ""Omgeving"" & <Co>",s1,"<script>alert(""x"")</script>",2026-01-05,${51 / 52},good,2026-07-05,1,good,${1 - 51 / 52}`,
    );
  });
});

describe('the files of each report', () => {
  const reports = buildReports(reportInput());

  it('are the public CSV files, and for the committee its own after them', () => {
    expect(Object.keys(files(reports.public))).toEqual([
      'indicators.csv',
      'vernieuwde-diensten.csv',
      'e-loketten.csv',
      'kanalen.csv',
      'in-vernieuwing.csv',
      'goede-waarden.csv',
      'tevredenheid.csv',
      'tevredenheid-kwartalen.csv',
    ]);
    expect(Object.keys(files(reports.committee))).toEqual([
      'indicators.csv',
      'vernieuwde-diensten.csv',
      'e-loketten.csv',
      'kanalen.csv',
      'diensten.csv',
      'explanations.csv',
      'verschuldigd.csv',
      'criteria.csv',
      'bevindingen.csv',
      'agenda.csv',
      'in-vernieuwing.csv',
      'achterstallig.csv',
      'goede-waarden.csv',
      'operationele-indicatoren.csv',
      'operationele-indicatoren-niveaus.csv',
      'operationele-indicatoren-achterstand.csv',
      'tevredenheid.csv',
      'tevredenheid-kwartalen.csv',
      'opmerkingen.csv',
    ]);
  });

  it('are each linked from the page of their report', () => {
    for (const report of [reports.public, reports.committee]) {
      const page = reportPage(report);
      for (const name of Object.keys(files(report))) expect(page, name).toContain(`<a href="${name}" download>Download `);
    }
  });

  it('give plain numbers, and an empty cell beside a status where there is no data', () => {
    expect(files(reports.public)['kanalen.csv']).toBe(
      [
        'periode,e_loket,status,click,call,connect,other,totaal,rijen,rijen_met_gegevens,digitaal_aandeel',
        '2026-Q3,mijn-burgerprofiel,reported,80,20,,,100,1,1,0.8',
        '2026-Q3,e-loket-ondernemers,derived,3000,1000,,,4000,2,2,0.75',
        '2026-Q3,verenigingsloket,no_data,,,,,,,,',
        '2026-Q3,loket-lokale-besturen,reported,,,,,,1,0,',
        `2026-Q3,alle,aggregated,3080,1020,,,4100,4,3,${3080 / 4100}`,
        '',
      ].join('\r\n'),
    );
    const bands = files(reports.public)['indicators.csv']!.split('\r\n');
    // Results (the posts of s1, s3, s4), then forecasts (the pre of s2): 18 rows each.
    expect(bands).toHaveLength(1 + 36 + 1);
    expect(bands.slice(8, 10)).toEqual(['2026-Q3,resultaat,DH,I,2,0,1,0', '2026-Q3,resultaat,DH,alle,2,1,0,0']);
    expect(bands.slice(26, 28)).toEqual(['2026-Q3,verwachting,DH,I,1,0,0,0', '2026-Q3,verwachting,DH,alle,1,0,0,0']);
    expect(files(reports.public)['e-loketten.csv']!.split('\r\n')).toContain('2026-Q3,e-loket-ondernemers,derived,0,0,,,');
  });
});

describe('the pages', () => {
  const reports = buildReports(reportInput());
  const headings = (page: string) => [...page.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);

  it('show the sections of each report in page order', () => {
    expect(headings(reportPage(reports.public))).toEqual([
      'kort',
      'principes',
      'vernieuwd',
      'in-vernieuwing',
      'goede-waarden',
      'tevredenheid',
      'e-loketten',
      'kanalen',
      'uitleg',
    ]);
    expect(headings(reportPage(reports.committee))).toEqual([
      'kort',
      'bevindingen',
      'niet-gemeld',
      'agenda',
      'verschuldigd',
      'achterstallig',
      'principes',
      'diensten',
      'criteria',
      'goede-waarden',
      'operationele-indicatoren',
      'toelichtingen',
      'vernieuwd',
      'in-vernieuwing',
      'tevredenheid',
      'opmerkingen',
      'e-loketten',
      'kanalen',
      'uitleg',
    ]);
  });

  it('open with the page shell and close with where the figures come from', () => {
    const pub = reportPage(reports.public);
    expect(pub.startsWith('<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(pub).toContain('<title>Transparantierapport digitale dienstverlening — het 3e kwartaal van 2026</title>');
    expect(pub).toContain(
      '<h2 id="kort">In het kort: het 3e kwartaal van 2026</h2>\n<ul class="kpis">\n<li><strong>4</strong> getoetste diensten</li>\n',
    );
    expect(pub).toContain('<li><strong>75,1 %</strong> van de interacties verloopt online</li>\n</ul>');
    expect(
      pub.endsWith(
        '<p><a href="report.json">Alle cijfers als JSON</a></p>\n</main>\n<footer><p class="note">Periode: 2026-07-01 tot en met 2026-09-30. Gebaseerd op de gegevens tot 2026-10-02 om 08:00 UTC. Versie van de berekening: unit.</p></footer>\n</body>\n</html>\n',
      ),
    ).toBe(true);
    expect(reportPage(reports.committee)).toContain('<title>Rapport voor het Stuurorgaan — het 3e kwartaal van 2026</title>');
  });

  it('head the channel table in Dutch, with the words of its legend', () => {
    const pub = reportPage(reports.public);
    expect(pub).toContain(
      '<ul class="legend"><li><span class="swatch" style="background:#0b5cad"></span>online (click)</li><li><span class="swatch" style="background:#7a4fb0"></span>telefoon, e-mail, chat (call)</li><li><span class="swatch" style="background:#a35f00"></span>aan het loket (connect)</li><li><span class="swatch" style="background:#6b7078"></span>post en andere</li></ul>',
    );
    expect(pub).toContain(
      '<caption>Interacties per kanaal, het 3e kwartaal van 2026</caption>\n<thead><tr><th scope="col">E-loket</th><th scope="col">Online (click)</th><th scope="col">Telefoon, e-mail, chat (call)</th><th scope="col">Aan het loket (connect)</th><th scope="col">Post en andere</th><th scope="col">Totaal</th><th scope="col">Rijen met cijfers</th><th scope="col">Digitaal aandeel</th></tr></thead>',
    );
  });

  it('say that the channel table counts rows (one per organisation and target group in a report), not reports', () => {
    const pub = reportPage(reports.public);
    expect(pub).not.toContain('Meldingen met cijfers');
    expect(pub).toContain(
      'Het digitale aandeel is het aantal online interacties gedeeld door alle interacties, over de rijen die cijfers per kanaal bevatten. Een e-loket meldt één rij per organisatie en doelgroep; wie elke maand meldt, telt dus elke maand zo’n rij. De kolom ‘Rijen met cijfers’ zegt hoeveel van die rijen cijfers per kanaal bevatten.',
    );
    expect(pub).toContain('<td>4.100</td><td>3 van 4</td>');
  });

  it('say so when a period has no assessments, and the committee page leaves the band section out', () => {
    const empty = buildReports(reportInput({ periodId: '2025-Q1' }));
    const pub = reportPage(empty.public);
    expect(pub).toContain(
      '<h2 id="principes">Hoe scoren de diensten per principe?</h2><p>Voor het 1e kwartaal van 2025 zijn er nog geen toetsingen.',
    );
    expect(pub).toContain('<h2 id="vernieuwd">Vernieuwde diensten: vóór en na</h2><p>Voor het 1e kwartaal van 2025 is er nog geen dienst');
    expect(pub).toContain('<li><strong>geen gegevens</strong> diensten via de e-loketten</li>');
    const com = reportPage(empty.committee);
    expect(headings(com)).not.toContain('principes');
    expect(com).toContain('<h2 id="diensten">Diensten per beleidsdomein en organisatie</h2>\n<p>Geen getoetste diensten.</p>');
    expect(com).toContain('<h2 id="bevindingen">Bevindingen over de gegevens</h2>\n<p>Geen bevindingen.</p>');
  });

  it('list every published period, newest first, each with its files', () => {
    const index = reportsIndexPage(['2026-Q2', '2026', '2026-Q3']);
    // Issue 14 point 10: the year ends last, so it comes first (it used to sort below its quarters).
    expect(index).toContain(
      '<h2 id="jaar-2026">2026</h2>\n<ul>\n<li><a href="2026/">het jaar 2026</a> (<a href="2026/indicators.csv">CSV</a>, <a href="2026/report.json">JSON</a>)</li>\n<li><a href="2026-Q3/">het 3e kwartaal van 2026</a> (<a href="2026-Q3/indicators.csv">CSV</a>, <a href="2026-Q3/report.json">JSON</a>)</li>\n<li><a href="2026-Q2/">',
    );
    expect(index.indexOf('"2026/"')).toBeLessThan(index.indexOf('"2026-Q3/"'));
    expect(index.indexOf('"2026-Q3/"')).toBeLessThan(index.indexOf('"2026-Q2/"'));
    expect(index).toContain('<h2 id="uitleg">Hoe lezen we deze cijfers?</h2>');
  });
});

describe('the page components', () => {
  it('a table has its caption, a labelled scroll region and one row a line', () => {
    expect(toHtmlString(scrollTable('Tabel <1>', ['A', 'B&C'], [html`<tr><td>1</td></tr>`, html`<tr><td>2</td></tr>`]))).toBe(
      '<div class="table-wrap" role="region" tabindex="0" aria-label="Tabel &lt;1&gt;"><table>\n<caption>Tabel &lt;1&gt;</caption>\n<thead><tr><th scope="col">A</th><th scope="col">B&amp;C</th></tr></thead>\n<tbody>\n<tr><td>1</td></tr>\n<tr><td>2</td></tr>\n</tbody></table></div>',
    );
  });

  it('a row given as text is escaped, not taken as markup', () => {
    expect(toHtmlString(scrollTable('T', ['A'], ['<tr><td>x</td></tr>']))).toContain(
      '<tbody>\n&lt;tr&gt;&lt;td&gt;x&lt;/td&gt;&lt;/tr&gt;\n</tbody>',
    );
  });

  it('a legend, a CSV link, key figures, details and a phase cell', () => {
    expect(toHtmlString(legend([{ colour: '#fff', label: 'a<b' }]))).toBe(
      '<ul class="legend"><li><span class="swatch" style="background:#fff"></span>a&lt;b</li></ul>',
    );
    expect(toHtmlString(csvLink('a "b".csv', 'deze tabel'))).toBe(
      '<p><a href="a &quot;b&quot;.csv" download>Download deze tabel als CSV</a></p>',
    );
    expect(
      toHtmlString(
        kpiList([
          { figure: '1', text: 'x' },
          { figure: '2', text: '<y>' },
        ]),
      ),
    ).toBe('<ul class="kpis">\n<li><strong>1</strong> x</li>\n<li><strong>2</strong> &lt;y&gt;</li>\n</ul>');
    expect(toHtmlString(details('Toon <alles>', html`<p>x</p>`))).toBe(
      '<details><summary>Toon &lt;alles&gt;</summary>\n<p>x</p>\n</details>',
    );
    expect(toHtmlString(phaseCell({ assessedOn: '2026-01-05', score: 0.825, band: 'good' }))).toBe(
      '<td>82,5 %<br><span class="note">goed, 2026-01-05</span></td>',
    );
    expect(toHtmlString(phaseCell(null))).toBe('<td class="text">geen toetsing</td>');
  });

  it('stacked bars leave out an empty part and say when a bar has no data', () => {
    expect(
      toHtmlString(
        stackedBars('L "x"', [
          {
            name: 'a',
            parts: [
              { value: 1, colour: '#111' },
              { value: 0, colour: '#222' },
              { value: 3, colour: '#333' },
            ],
          },
          { name: 'b', parts: [] },
        ]),
      ),
    ).toBe(
      '<svg role="img" aria-label="L &quot;x&quot;" viewBox="0 0 360 92" width="540" height="138" xmlns="http://www.w3.org/2000/svg">' +
        '<text x="0" y="15" font-size="14" fill="#1c1c1c">a</text>' +
        '<rect x="0.00" y="21" width="90.00" height="18" fill="#111" stroke="#fff" stroke-width="1"/>' +
        '<rect x="90.00" y="21" width="270.00" height="18" fill="#333" stroke="#fff" stroke-width="1"/>' +
        '<text x="0" y="61" font-size="14" fill="#1c1c1c">b</text><text x="0" y="82" font-size="13" fill="#3d3f42">geen gegevens</text></svg>',
    );
  });

  it('a line chart breaks where a quarter has no data, never drawing it as 0', () => {
    const svg = toHtmlString(
      quarterLineChart('Q', ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'], [{ colour: '#0b5cad', values: [1, null, 2, 4] }]),
    );
    // The lone first point is a dot without a line; the last two are joined.
    expect([...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1])).toEqual(['241.3,95.0 340.0,10.0']);
    expect([...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['44.0', '137.5'],
      ['241.3', '95.0'],
      ['340.0', '10.0'],
    ]);
    // Quarters on the axis, the year where it changes.
    expect([...svg.matchAll(/text-anchor="middle">([^<]+)</g)].map((m) => m[1])).toEqual(['K4', '2025', 'K1', '2026', 'K2', 'K3']);
  });
});
