// Seed §3.2, footnote 1: a significant new or reworked digital service has a
// budget over €500,000 or an audience of more than 100,000 users. When neither
// is known, significance is unknown — never silently "not significant".
export const SIGNIFICANT_BUDGET_EUR = 500_000;
export const SIGNIFICANT_USERS = 100_000;

export type Significance = true | false | 'unknown';

interface Sizes {
  budgetEur?: number | null | undefined;
  expectedUsers?: number | null | undefined;
}

const known = (s: Sizes | null | undefined) => s != null && (s.budgetEur != null || s.expectedUsers != null);

/**
 * Significance from the first description that says something about size: the
 * latest assessment's service, else the service's latest plan (design §2.1).
 */
export function significanceOf(...descriptions: Array<Sizes | null | undefined>): Significance {
  const d = descriptions.find(known);
  if (!d) return 'unknown';
  return (d.budgetEur ?? 0) > SIGNIFICANT_BUDGET_EUR || (d.expectedUsers ?? 0) > SIGNIFICANT_USERS;
}
