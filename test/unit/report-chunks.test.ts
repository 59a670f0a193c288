// A report file written in pieces holds the same bytes as the whole file:
// report.json against JSON.stringify, the CSV files against toCsv, the page
// against reportPage — so writing while building never changes a report.
import { describe, expect, it } from 'vitest';
import { csvChunks, eachRow, toCsv, type Cell } from '../../shared/domain/report/csv.js';
import { jsonChunks } from '../../shared/domain/report/json-chunks.js';
import { lazyMap } from '../../shared/domain/report/lazy-list.js';
import { reportPage, reportPageChunks } from '../../shared/domain/report/pages.js';
import { buildReports } from '../../shared/domain/report/report-model.js';
import { answers } from '../support/fixtures.js';
import { reportInput, stored } from '../support/report-input.js';

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('report.json in pieces', () => {
  it('joins into exactly what JSON.stringify gives, whatever the value holds', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.x = 1;
    const values: unknown[] = [
      null,
      0,
      'tekst met "quotes", \\ en é — ☃',
      [],
      {},
      [undefined, () => 1, Symbol('s'), null, 1],
      { a: undefined, b: () => 1, c: Symbol('s'), d: [{}, [[[[1]]]]], e: { f: { g: { h: { i: 'diep' } } } } },
      { when: new Date('2026-09-30T12:00:00.000Z'), map: new Map([['k', 1]]), own: { toJSON: () => 'eigen' } },
      { bare, n: new Number(3), s: new String('s'), nan: NaN, inf: -Infinity, neg: -0 },
      { 'sleutel met "quote"': [1.5, -2e-7, true, false] },
    ];
    for (const v of values) expect(joined(jsonChunks(v))).toBe(JSON.stringify(v));
    expect(joined(jsonChunks(undefined))).toBe('');
  });

  it('calls a member’s toJSON with its key, and writes what it gives, in a value large enough to be split', () => {
    const own = (f: (key: string) => unknown) => ({ toJSON: f });
    const rows = Array.from({ length: 80 }, (_, i) => ({ i, at: new Date(Date.UTC(2026, 0, 1 + i)) }));
    const value = {
      rows,
      gone: own(() => undefined),
      named: own((key) => `sleutel ${key}`),
      list: [own(() => undefined), own((key) => `plaats ${key}`), own(() => ({ diep: [1, 2] })), ...rows],
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(JSON.stringify(value));
  });

  it('keeps every piece small however deep the large lists sit (the committee’s domains: organisations, then their services)', () => {
    const domains = [
      {
        domain: 'D1',
        organisations: Array.from({ length: 60 }, (_, o) => ({
          organisationId: `ORG${o}`,
          services: Array.from({ length: 60 }, (_, s) => ({
            serviceId: `svc-${s}`,
            name: `Dienst ${s}`,
            score: s / 60,
            band: 'good',
            unmet: [],
          })),
        })),
      },
    ];
    const value = { kind: 'committee', domains, empty: { list: [] } };
    const chunks = [...jsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value));
    expect(JSON.stringify(value).length).toBeGreaterThan(250_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096);
  });

  it('keeps every piece small when the lists are lazy, however few and long their rows (explanations)', () => {
    const text = 'Uitleg van de dienstverlener. '.repeat(60);
    const services = (o: number) =>
      lazyMap(
        Array.from({ length: 40 }, (_, s) => s),
        (s) => ({ serviceId: `svc-${o}-${s}`, explanation: text }),
      );
    const organisations = Array.from({ length: 3 }, (_, o) => ({ organisationId: `ORG${o}`, services: services(o) }));
    const value = { domains: [{ domain: 'D1', organisations }], few: lazyMap([0], () => ({ explanation: text })) };
    const chunks = [...jsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096);
  });

  it('gives each report of a quarter and of a year in many pieces that join into the whole', () => {
    for (const periodId of ['2026-Q3', '2026']) {
      const reports = buildReports(reportInput({ periodId }));
      for (const report of [reports.public, reports.committee]) {
        const chunks = [...jsonChunks(report.json)];
        expect(chunks.join('')).toBe(JSON.stringify(report.json));
        const whole = JSON.stringify(report.json).length;
        expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole / 4);
      }
    }
  });
});

describe('CSV files in pieces', () => {
  it('joins into exactly what toCsv gives, a few hundred rows a piece', () => {
    const rows: Cell[][] = Array.from({ length: 1234 }, (_, i) => [
      `dienst ${i}`,
      i % 7 === 0 ? '=SOM(A1)' : i,
      i % 5 === 0 ? null : 'twee\rregels, "ja"',
    ]);
    const chunks = [...csvChunks(['naam', 'waarde', 'tekst'], rows)];
    expect(chunks.join('')).toBe(toCsv(['naam', 'waarde', 'tekst'], rows));
    expect(chunks).toHaveLength(1 + 3);
    expect(joined(csvChunks(['alleen', 'kop'], []))).toBe(toCsv(['alleen', 'kop'], []));
  });

  it('takes the rows only as it writes them, 500 a piece, so a file of every service never holds them all', () => {
    let made = 0;
    const items = Array.from({ length: 1200 }, (_, i) => i);
    const rows = eachRow(items, (i): Cell[] => {
      made++;
      return [`dienst ${i}`, i];
    });
    expect(made).toBe(0);
    const pieces = csvChunks(['naam', 'waarde'], rows);
    expect(pieces.next().value).toBe('naam,waarde\r\n');
    expect(made).toBe(0);
    expect(pieces.next().value!.split('\r\n')).toHaveLength(501);
    expect(made).toBe(500);
    expect([...pieces].join('').split('\r\n').at(-2)).toBe('dienst 1199,1199');
    expect(made).toBe(1200);
    // The same rows again, for a second write of the file.
    expect(joined(csvChunks(['naam', 'waarde'], rows))).toBe(
      toCsv(
        ['naam', 'waarde'],
        items.map((i) => [`dienst ${i}`, i]),
      ),
    );
  });
});

describe('the page in pieces', () => {
  it('joins into exactly the page reportPage gives', () => {
    for (const periodId of ['2026-Q3', '2026']) {
      const reports = buildReports(reportInput({ periodId }));
      for (const report of [reports.public, reports.committee]) {
        expect(joined(reportPageChunks(report))).toBe(reportPage(report));
      }
    }
  });

  it('writes the services of two organisations in one domain as one table, row after row, as before', () => {
    const { committee } = buildReports(
      reportInput({
        organisations: new Map([
          ['OVO1', { organisationId: 'OVO1', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' }],
          ['OVO2', { organisationId: 'OVO2', name: 'Agentschap <Natuur> & Bos', kind: 'agency', policyDomain: 'Omgeving' }],
        ]),
      }),
    );
    const page = joined(reportPageChunks(committee));
    const start = page.indexOf('<tbody>', page.indexOf('<h2 id="diensten">'));
    // The text the page had when the rows were made at once (commit 4672590), byte for byte.
    expect(page.slice(start, page.indexOf('</tbody>', start) + 8)).toBe(
      '<tbody>\n' +
        '<tr><th scope="row">Agentschap &lt;Natuur&gt; &amp; Bos / Grote dienst</th><td>ja</td><td class="text">geen toetsing</td><td>100,0 %<br><span class="note">goed, 2026-05-05</span></td></tr>\n' +
        '<tr><th scope="row">Agentschap &lt;Natuur&gt; &amp; Bos / Kleine dienst</th><td>nee</td><td>100,0 %<br><span class="note">goed, 2026-03-05</span></td><td>88,5 %<br><span class="note">goed, 2026-08-05</span></td></tr>\n' +
        '<tr><th scope="row">Departement Omgeving / Kleine dienst</th><td>nee</td><td>98,1 %<br><span class="note">goed, 2026-01-05</span></td><td>100,0 %<br><span class="note">goed, 2026-07-05</span></td></tr>\n' +
        '<tr><th scope="row">Departement Omgeving / Grote dienst</th><td>ja</td><td>98,1 %<br><span class="note">goed, 2026-02-05</span></td><td class="text">geen toetsing</td></tr>\n' +
        '</tbody>',
    );
  });

  it('writes the long tables row by row: no piece holds a whole table of every service', () => {
    // 400 services assessed before and after: the reworked, services and agenda tables list each of them.
    const assessments = Array.from({ length: 400 }, (_, i) => [
      stored(`p${i}`, '2026-02-01T00:00:00.000Z', {
        serviceId: `dienst-${i}`,
        phase: 'pre',
        assessedOn: '2026-01-15',
        answers: answers({ 'DH-I1': 'no' }),
      }),
      stored(`q${i}`, '2026-08-02T00:00:00.000Z', { serviceId: `dienst-${i}`, phase: 'post', assessedOn: '2026-08-01' }),
    ]).flat();
    const { committee } = buildReports(reportInput({ assessments }));
    const chunks = [...reportPageChunks(committee)];
    expect(chunks.join('')).toBe(reportPage(committee));
    expect(committee.sections.map((s) => s.section.id)).toEqual(expect.arrayContaining(['vernieuwd', 'diensten', 'agenda']));
    // The reworked table alone is some 100,000 characters; pieces are cut at 16,384 once a row ends.
    expect(reportPage(committee).length).toBeGreaterThan(200_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(16_384 + 1_000);
  });
});

describe('a section file', () => {
  it('gives the same text whole and in pieces, made anew each time it is asked for', () => {
    const { committee } = buildReports(reportInput());
    for (const file of committee.sections.flatMap((s) => s.files(committee.page))) {
      expect(joined(file.chunks())).toBe(file.body);
      expect(joined(file.chunks())).toBe(file.body);
    }
  });
});
