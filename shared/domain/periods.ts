// Periods are YYYY, YYYY-Qn or YYYY-MM (design §2); a month belongs to its quarter and year.
import * as z from 'zod';

export type PeriodKind = 'year' | 'quarter' | 'month';
export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** first and last day, inclusive, as YYYY-MM-DD */
  start: string;
  end: string;
}

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parsePeriod(id: string): Period | undefined {
  const m = PATTERN.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return undefined;
  if (m[2]) {
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return {
      id,
      kind: 'quarter',
      year,
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
    };
  }
  if (m[3]) {
    const mo = Number(m[3]);
    return { id, kind: 'month', year, start: `${year}-${pad(mo)}-01`, end: `${year}-${pad(mo)}-${pad(lastDay(year, mo))}` };
  }
  return { id, kind: 'year', year, start: `${year}-01-01`, end: `${year}-12-31` };
}

export const periodSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'required: a period, YYYY, YYYY-Qn or YYYY-MM' : 'a period is a string: "2026", "2026-Q3" or "2026-09"',
  })
  .refine((s) => parsePeriod(s) !== undefined, 'a period is YYYY, YYYY-Qn or YYYY-MM')
  .meta({ description: 'A year (YYYY), a quarter (YYYY-Qn) or a month (YYYY-MM).', examples: ['2026-Q3', '2026', '2026-09'] });

/** The month and, on a quarter's first day, the quarter that ended before `now` (the schedule's periods). */
export function periodsEndedBy(now: Date): string[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const prevMonthYear = m === 1 ? y - 1 : y;
  const prevMonth = m === 1 ? 12 : m - 1;
  const out = [`${prevMonthYear}-${pad(prevMonth)}`];
  if ((m - 1) % 3 === 0) {
    const q = Math.floor((prevMonth - 1) / 3) + 1;
    out.push(`${prevMonthYear}-Q${q}`);
  }
  return out;
}

export function periodContaining(date: string, kind: PeriodKind): string {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  if (kind === 'year') return y;
  if (kind === 'month') return `${y}-${pad(mo)}`;
  return `${y}-Q${Math.floor((mo - 1) / 3) + 1}`;
}

/** The period `n` steps after `id` (negative: before), of the same kind. */
export function shiftPeriod(id: string, n: number): string {
  const p = parsePeriod(id);
  if (!p) throw new Error(`invalid period ${id}`);
  if (p.kind === 'year') return String(p.year + n);
  if (p.kind === 'quarter') {
    const index = p.year * 4 + (Number(id.slice(6)) - 1) + n;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = p.year * 12 + (Number(id.slice(5, 7)) - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
