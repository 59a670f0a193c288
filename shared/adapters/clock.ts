// The one clock of the API, the scheduler, the demo and the tests. In AWS it
// is the real time; locally DDS_TODAY=YYYY-MM-DD fixes the date (the time of
// day still runs), so the demo and the tests mean the same on any day.
import { brusselsDate } from '../domain/today.js';

export interface Clock {
  now(): Date;
  /** the date in Europe/Brussels, YYYY-MM-DD */
  today(): string;
}

export function systemClock(fixedToday?: string, real: () => Date = () => new Date()): Clock {
  if (!fixedToday) return { now: real, today: () => brusselsDate(real()) };
  return {
    now: () => new Date(`${fixedToday}T${real().toISOString().slice(11)}`),
    today: () => fixedToday,
  };
}
