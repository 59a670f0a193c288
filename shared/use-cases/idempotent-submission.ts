// What every idempotent submission (assessment, plan, service counts) answers:
// the result, first or replayed, and the refusal of a key reused with another
// body. A module of its own so that submitting a plan or counts does not
// bundle the assessment's validation (docs/performance.md, cold load).
import { Refusal } from './refusal.js';

export type Submitted<T> = { replayed: false; result: T } | { replayed: true; result: T };

/** The same key with another body: what to do is pick a new key, since a key names one request (and a replay needs the same body). */
export const keyReused = () =>
  new Refusal(
    'invalid',
    'idempotency_key_reused',
    'this Idempotency-Key was already used with another body: pick a new Idempotency-Key for a new request (the same key with the same body replays the first answer)',
    [{ path: 'Idempotency-Key', message: 'already used with a different request body; send a new key for a new request' }],
  );
