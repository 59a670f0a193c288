// Only a period that has ended is requested or published (design §2: a report
// is a function of what is dated by its end). A module of its own so that
// requesting a report does not bundle the report domain that publishing needs.
import { parsePeriod } from '../domain/periods.js';
import { Refusal } from './refusal.js';

/** A period's reports can be published once it has ended (its last day is before today). */
export function assertEnded(periodId: string, today: string): void {
  const p = parsePeriod(periodId);
  if (!p)
    throw new Refusal('invalid', 'invalid_period', `${periodId} is not a period: YYYY, YYYY-Qn or YYYY-MM`, [
      { path: 'period', message: 'not a period' },
    ]);
  if (p.end >= today) {
    throw new Refusal('invalid', 'period_not_ended', `${periodId} ends on ${p.end}: its reports can be published from the day after`, [
      { path: 'period', message: `ends on ${p.end}, not before today (${today})` },
    ]);
  }
}
