// A yearly plan from a spreadsheet as Excel saves it in a Belgian locale.
import { describe, expect, it } from 'vitest';
import { readPlanCsv } from '../../infra/cli/csv/plan-csv.js';

const excel = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;
const HEADER = ['serviceId', 'kind', 'name', 'targetGroups', 'budgetEur', 'expectedUsers', 'startsOn', 'goLiveOn'];
const context = { organisationId: 'OVO000123', year: 2027, today: '2026-11-26' };

describe('reading a yearly plan', () => {
  it('gives the API body: Dutch kinds, Flemish numbers and Belgian dates read, and says how', () => {
    const r = readPlanCsv(
      excel([
        HEADER,
        ['premie', 'nieuw', 'Premie aanvragen', 'burgers, ondernemers', '€ 750.000', '120.000', '1/02/2027', '15/09/2027'],
        ['loket', 'rework', 'Loket vernieuwen', 'burgers', '', '', '2027-03-01', ''],
      ]),
      context,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.separator).toBe(';');
    expect(r.body).toEqual({
      organisationId: 'OVO000123',
      year: 2027,
      services: [
        {
          serviceId: 'premie',
          kind: 'new',
          name: 'Premie aanvragen',
          targetGroups: ['burgers', 'ondernemers'],
          budgetEur: 750000,
          expectedUsers: 120000,
          startsOn: '2027-02-01',
          goLiveOn: '2027-09-15',
        },
        { serviceId: 'loket', kind: 'rework', name: 'Loket vernieuwen', targetGroups: ['burgers'], startsOn: '2027-03-01' },
      ],
    });
    expect(r.notes).toEqual([
      'line 2, budgetEur: "€ 750.000" read as 750000 (Flemish notation)',
      'line 2, expectedUsers: "120.000" read as 120000 (Flemish notation)',
      'line 2, goLiveOn: "15/09/2027" read as 2027-09-15 (day/month/year)',
      'line 2, startsOn: "1/02/2027" read as 2027-02-01 (day/month/year)',
    ]);
  });

  it('names every bad line once, in line order, and sends nothing', () => {
    const r = readPlanCsv(
      excel([
        HEADER,
        ['premie', 'misschien', 'Premie', 'burgers', '', '', '2027-02-01', '2027-01-01'],
        ['premie', 'new', '', 'studenten', '', '', 'morgen', ''],
      ]),
      context,
    );
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'line 2, kind', message: 'write one of: new, rework' },
      { path: 'line 2, goLiveOn', message: 'goes live (2027-01-01) before the work starts (2027-02-01)' },
      { path: 'line 3, startsOn', message: expect.stringContaining('"morgen" is not a date') },
      { path: 'line 3, name', message: 'empty: fill it in' },
      { path: 'line 3, targetGroups', message: 'write one of: burgers, ondernemers, verenigingen, lokale-besturen' },
      { path: 'line 3, serviceId', message: 'premie is already planned at line 2' },
    ]);
  });

  it('names an unknown or missing column', () => {
    const r = readPlanCsv(
      excel([
        ['serviceId', 'soort', 'name'],
        ['x', 'new', 'X'],
      ]),
      context,
    );
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'unknown column "soort"; the columns are serviceId, kind, name, targetGroups, budgetEur, expectedUsers, startsOn, goLiveOn',
      'missing column "kind"',
      'missing column "targetGroups"',
      'missing column "startsOn"',
    ]);
  });
});
