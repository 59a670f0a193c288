// "Today" is the date in Europe/Brussels (design §2.1): the day an assessment
// may be dated at the latest, the day a period has ended by, the day owed
// assessments are counted on.
const BRUSSELS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Brussels at an instant, as YYYY-MM-DD. */
export const brusselsDate = (at: Date): string => BRUSSELS.format(at);

/** `date` plus `days` (negative: minus), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
