// Seed §3.2, footnote 1: a significant new or reworked digital service has a
// budget over €500,000 or an audience of more than 100,000 users.
export const SIGNIFICANT_BUDGET_EUR = 500_000;
export const SIGNIFICANT_USERS = 100_000;

export function isSignificant(service: { budgetEur?: number | undefined; expectedUsers?: number | undefined }): boolean {
  return (service.budgetEur ?? 0) > SIGNIFICANT_BUDGET_EUR || (service.expectedUsers ?? 0) > SIGNIFICANT_USERS;
}
