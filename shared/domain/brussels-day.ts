// "Today" is the date in Europe/Brussels (design §2.1): a response given at
// 23:30 UTC on 31 March belongs to 1 April, and so to the second quarter.
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of `instant` in Brussels, as YYYY-MM-DD. */
export function brusselsDate(instant: Date): string {
  return FORMAT.format(instant);
}
