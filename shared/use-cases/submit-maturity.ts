// An organisation's maturity self-scan for a year (design §2): only the five
// levels, only registered themes, ambition never below the current level. A
// later scan for the same year replaces it.
import type { MaturityScannedV1 } from '../../events/maturity-scanned.js';
import type { Caller } from '../domain/access.js';
import { brusselsDate } from '../domain/today.js';
import { checkMaturityScan } from '../domain/strategy/maturity.js';
import type { MaturityThemes } from '../adapters/maturity-themes.js';
import type { StrategyEventStore } from '../adapters/strategy-event-store.js';
import { invalid, Refusal } from './refusal.js';

export interface SubmitMaturityDeps {
  themes: MaturityThemes;
  events: StrategyEventStore;
  now: () => Date;
  newId: () => string;
}

export async function submitMaturity(
  deps: SubmitMaturityDeps,
  caller: Caller,
  body: unknown,
): Promise<{ scanId: string; organisationId: string; year: number }> {
  const claimed = (body as { organisationId?: unknown } | null)?.organisationId;
  if (caller.role === 'service-provider' && claimed !== undefined && claimed !== caller.organisationId) {
    throw new Refusal('forbidden', 'forbidden', `this key may only post the scan of organisation ${caller.organisationId ?? '(none)'}`, [
      { path: 'organisationId', message: 'not the organisation of this key' },
    ]);
  }
  const now = deps.now();
  const registered = new Set((await deps.themes.list()).map((t) => t.themeId));
  const checked = checkMaturityScan(body, registered, Number(brusselsDate(now).slice(0, 4)));
  if (!checked.ok) throw invalid('invalid_maturity_scan', 'the maturity scan', checked.problems);
  const submittedAt = now.toISOString();
  const scanId = deps.newId();
  const event: MaturityScannedV1 = {
    metadata: { eventId: deps.newId(), type: 'MaturityScanned', version: 1, occurredAt: submittedAt },
    payload: { scanId, organisationId: checked.value.organisationId, year: checked.value.year, submittedAt, themes: checked.value.themes },
  };
  await deps.events.put(event);
  return { scanId, organisationId: checked.value.organisationId, year: checked.value.year };
}
