// Spreadsheets as Excel writes them in a Belgian locale (";", a UTF-8 BOM, CRLF):
// the separator, the encoding, and the counts file (infra/cli/csv/).
import { describe, expect, it } from 'vitest';
import { readCountsCsv } from '../../infra/cli/csv/counts-csv.js';
import { decodeCsvBytes, detectSeparator, readCsvRecords } from '../../infra/cli/csv/read-csv.js';

const COLUMNS = ['organisationId', 'targetGroup', 'servicesOffered', 'click', 'call', 'connect', 'other'];
/** A file as Excel saves "CSV UTF-8" in a Belgian locale. */
const excel = (rows: string[]) => `\uFEFF${rows.join('\r\n')}\r\n`;

describe('the separator', () => {
  it('is the one that splits the header into known columns', () => {
    expect(detectSeparator(excel([COLUMNS.join(';')]), COLUMNS)).toBe(';');
    expect(detectSeparator(COLUMNS.join(','), COLUMNS)).toBe(',');
    expect(detectSeparator(COLUMNS.join('\t'), COLUMNS)).toBe('\t');
    // a comma inside a quoted name does not outvote the semicolons
    expect(detectSeparator('"name, long";organisationId;targetGroup', COLUMNS)).toBe(';');
  });

  it('falls back to the most frequent candidate, and to "," for a single column', () => {
    expect(detectSeparator('a;b;c,d', COLUMNS)).toBe(';');
    expect(detectSeparator('organisationId', COLUMNS)).toBe(',');
  });
});

describe('decoding', () => {
  it('drops a UTF-8 BOM and reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFFé;x', 'utf8'))).toEqual({ text: 'é;x', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x80]))).toEqual({ text: 'Café;€', encoding: 'windows-1252' });
  });

  it('gives each record the line it is on, leaving out the rows Excel pads with separators only', () => {
    expect(readCsvRecords('a;b\r\n\r\n;;\r\n1;"x\r\ny"\r\n2; 3 ;;\r\n', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', 'x\ny'] },
      { line: 6, cells: ['2', '3'] },
    ]);
  });
});

describe('a counts file from a Belgian Excel', () => {
  it('is read with ";", BOM, CRLF and Flemish thousands, and says which cells it read how', () => {
    const r = readCountsCsv(
      excel([
        'organisationId;targetGroup;servicesOffered;click;call;connect;other',
        'OVO000123;burgers;12;48.210;5.120;830;',
        'OVO000124;ondernemers;1.005;;;;',
      ]),
      '2026-Q3',
    );
    expect(r).toEqual({
      ok: true,
      separator: ';',
      lines: [2, 3],
      rows: [
        { organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered: 12, volumes: { click: 48210, call: 5120, connect: 830 } },
        { organisationId: 'OVO000124', targetGroup: 'ondernemers', servicesOffered: 1005 },
      ],
      notes: [
        'line 2, click: "48.210" read as 48210 (Flemish notation)',
        'line 2, call: "5.120" read as 5120 (Flemish notation)',
        'line 3, servicesOffered: "1.005" read as 1005 (Flemish notation)',
      ],
    });
  });

  it('names every bad line with what to write, in line order, once per cell', () => {
    const r = readCountsCsv(
      excel(['organisationId;targetGroup;servicesOffered;click', 'OVO1;burgers;3;48,2', 'OVO2;studenten;48,210;abc', 'OVO1;burgers;;10']),
      '2026-Q3',
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'line 2, click', message: '"48,2" is not a whole number (48,2): a count has no decimals; write 48 or 49' },
      {
        path: 'line 3, servicesOffered',
        message: '"48,210" is ambiguous: write 48210 if you mean 48,210 (a count has no decimals, and a comma may be a decimal comma)',
      },
      { path: 'line 3, click', message: '"abc" is not a number' },
      { path: 'line 3, targetGroup', message: 'write one of: burgers, ondernemers, verenigingen, lokale-besturen' },
      { path: 'line 4, servicesOffered', message: 'empty: fill it in' },
      { path: 'line 4', message: 'OVO1 / burgers is already reported at line 2' },
    ]);
  });

  it('names a header that is not the counts header', () => {
    const r = readCountsCsv(excel(['organisationId;doelgroep;servicesOffered', 'OVO1;burgers;3']), '2026-Q3');
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: 'header',
        message: 'unknown column "doelgroep"; the columns are organisationId, targetGroup, servicesOffered, click, call, connect, other',
      },
      { path: 'header', message: 'missing column "targetGroup"' },
    ]);
  });
});
