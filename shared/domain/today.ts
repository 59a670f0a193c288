// "Today" is the date in Europe/Brussels (design §2.1): the day an assessment
// may be dated at the latest, the day a period has ended by, the day owed
// assessments are counted on.
//
// Brussels keeps UTC+1, and UTC+2 from the last Sunday of March to the last
// Sunday of October, switching at 01:00 UTC (the EU's rule since 1996; the
// tests hold it against the time zone database hour by hour). Computed rather
// than asked of Intl: a process's first Intl formatter loads ICU's data,
// 10–15 ms of every cold start of every function that imports this
// (docs/performance.md), which most need for nothing else.
const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`: when Brussels changes its clocks. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** The calendar date in Brussels at an instant, as YYYY-MM-DD. */
export function brusselsDate(at: Date): string {
  const t = at.getTime();
  const year = at.getUTCFullYear();
  const summer = t >= lastSundayOneUtc(year, 2) && t < lastSundayOneUtc(year, 9);
  return new Date(t + (summer ? 2 : 1) * HOUR).toISOString().slice(0, 10);
}

/** `date` plus `days` (negative: minus), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
